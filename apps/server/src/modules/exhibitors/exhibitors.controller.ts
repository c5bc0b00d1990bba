import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Artisan, CompanyCertification, ExhibitorProfile, FileRef, Workshop } from '@craftmatch/shared';
import { CurrentUser } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { ArtisanDto } from './dto/artisan.dto';
import { CertificationDto } from './dto/certification.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { WorkshopDto } from './dto/workshop.dto';
import { ExhibitorsService } from './exhibitors.service';

const FILE_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};

@ApiTags('exhibitors')
@ApiBearerAuth()
@Controller('exhibitors/:companyId')
export class ExhibitorsController {
  constructor(private readonly exhibitors: ExhibitorsService) {}

  @Get('profile')
  profile(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
  ): Promise<ExhibitorProfile> {
    return this.exhibitors.profile(auth, companyId);
  }

  @Put('profile')
  updateProfile(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Body() body: UpdateProfileDto,
  ): Promise<ExhibitorProfile> {
    return this.exhibitors.updateProfile(auth, companyId, body);
  }

  @Post('logo')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  uploadLogo(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Req() request: FastifyRequest,
  ): Promise<FileRef> {
    return this.exhibitors.uploadLogo(auth, companyId, request);
  }

  @Delete('logo')
  @HttpCode(204)
  removeLogo(@CurrentUser() auth: AuthUser, @Param('companyId', UuidPipe) companyId: string): Promise<void> {
    return this.exhibitors.removeLogo(auth, companyId);
  }

  // ---- certifications

  @Get('certifications')
  certifications(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
  ): Promise<CompanyCertification[]> {
    return this.exhibitors.certifications(auth, companyId);
  }

  @Post('certifications')
  addCertification(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Body() body: CertificationDto,
  ): Promise<CompanyCertification> {
    return this.exhibitors.addCertification(auth, companyId, body);
  }

  @Put('certifications/:id')
  updateCertification(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
    @Body() body: CertificationDto,
  ): Promise<CompanyCertification> {
    return this.exhibitors.updateCertification(auth, companyId, id, body);
  }

  @Delete('certifications/:id')
  @HttpCode(204)
  removeCertification(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
  ): Promise<void> {
    return this.exhibitors.removeCertification(auth, companyId, id);
  }

  @Post('certifications/:id/document')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  uploadDocument(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<CompanyCertification> {
    return this.exhibitors.uploadCertificationDocument(auth, companyId, id, request);
  }

  @Delete('certifications/:id/document')
  removeDocument(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
  ): Promise<CompanyCertification> {
    return this.exhibitors.removeCertificationDocument(auth, companyId, id);
  }

  // ---- workshops and artisans

  @Get('workshops')
  workshops(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
  ): Promise<Workshop[]> {
    return this.exhibitors.workshops(auth, companyId);
  }

  @Post('workshops')
  addWorkshop(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Body() body: WorkshopDto,
  ): Promise<Workshop> {
    return this.exhibitors.addWorkshop(auth, companyId, body);
  }

  @Put('workshops/:id')
  updateWorkshop(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
    @Body() body: WorkshopDto,
  ): Promise<Workshop> {
    return this.exhibitors.updateWorkshop(auth, companyId, id, body);
  }

  @Delete('workshops/:id')
  @HttpCode(204)
  removeWorkshop(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('id', UuidPipe) id: string,
  ): Promise<void> {
    return this.exhibitors.removeWorkshop(auth, companyId, id);
  }

  @Post('workshops/:workshopId/artisans')
  addArtisan(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('workshopId', UuidPipe) workshopId: string,
    @Body() body: ArtisanDto,
  ): Promise<Artisan> {
    return this.exhibitors.addArtisan(auth, companyId, workshopId, body);
  }

  @Put('workshops/:workshopId/artisans/:id')
  updateArtisan(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('workshopId', UuidPipe) workshopId: string,
    @Param('id', UuidPipe) id: string,
    @Body() body: ArtisanDto,
  ): Promise<Artisan> {
    return this.exhibitors.updateArtisan(auth, companyId, workshopId, id, body);
  }

  @Delete('workshops/:workshopId/artisans/:id')
  @HttpCode(204)
  removeArtisan(
    @CurrentUser() auth: AuthUser,
    @Param('companyId', UuidPipe) companyId: string,
    @Param('workshopId', UuidPipe) workshopId: string,
    @Param('id', UuidPipe) id: string,
  ): Promise<void> {
    return this.exhibitors.removeArtisan(auth, companyId, workshopId, id);
  }
}
