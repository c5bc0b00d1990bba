import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  VILLAGES,
  validateTaxCode,
  type Artisan,
  type CompanyCertification,
  type ExhibitorProfile,
  type FileRef,
  type PublicExhibitorProfile,
  type Workshop,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { CompaniesService, Company } from '../companies';
import { FilesService } from '../files';
import { ArtisanEntity } from './artisan.entity';
import { CompanyCertificationEntity } from './company-certification.entity';
import type { ArtisanDto } from './dto/artisan.dto';
import type { CertificationDto } from './dto/certification.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import type { WorkshopDto } from './dto/workshop.dto';
import { ExhibitorProfileEntity } from './exhibitor-profile.entity';
import { WorkshopEntity } from './workshop.entity';

const VILLAGE_PROVINCE = new Map(VILLAGES.map((v) => [v.code, v.provinceCode]));
const TAX_CODE_INDEX = 'exhibitor_profiles_tax_code_key';

function pgError(error: unknown): { code?: string; constraint?: string } | null {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : null;
}

/** Village, free-text village and province, with the province defaulting to the village's. */
function place(
  input: { villageCode?: string | null; villageOther?: string | null; provinceCode?: string | null },
  fieldPrefix = '',
): { villageCode: string | null; villageOther: string | null; provinceCode: string | null } {
  const villageCode = input.villageCode ?? null;
  const villageProvince = villageCode ? (VILLAGE_PROVINCE.get(villageCode) ?? null) : null;
  const provinceCode = input.provinceCode ?? villageProvince;
  if (villageProvince && provinceCode !== villageProvince) {
    throw DomainError.validation({ [`${fieldPrefix}provinceCode`]: FieldErrorCode.INVALID_VALUE });
  }
  return { villageCode, villageOther: villageCode ? null : (input.villageOther ?? null), provinceCode };
}

/**
 * The exhibitor's profile, certifications, workshops and artisans. Members of an exhibitor company
 * edit them (also while the company waits for approval); organizers read them.
 */
@Injectable()
export class ExhibitorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  // ---- access

  private async exhibitorCompany(
    companyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Company> {
    const company = await manager.findOneBy(Company, { id: companyId });
    if (!company || company.kind !== 'exhibitor') throw DomainError.notFound();
    return company;
  }

  private async canRead(auth: AuthUser, companyId: string): Promise<Company> {
    await this.companies.assertCanRead(auth, companyId);
    return this.exhibitorCompany(companyId);
  }

  private async canEdit(auth: AuthUser, companyId: string): Promise<Company> {
    await this.companies.assertMember(auth, companyId);
    return this.exhibitorCompany(companyId);
  }

  /** Products are found by the maker's name, village and province: recompute their search text. */
  private async refreshProducts(manager: EntityManager, companyId: string): Promise<void> {
    await manager.query(
      `SELECT cm_refresh_product_search(ARRAY(SELECT id FROM products WHERE company_id = $1))`,
      [companyId],
    );
  }

  // ---- profile

  async profile(auth: AuthUser, companyId: string): Promise<ExhibitorProfile> {
    const company = await this.canRead(auth, companyId);
    return this.fullProfile(company);
  }

  async updateProfile(auth: AuthUser, companyId: string, dto: UpdateProfileDto): Promise<ExhibitorProfile> {
    const company = await this.canEdit(auth, companyId);
    const fields: Record<string, FieldErrorCode> = {};
    let taxCode: string | null = null;
    if (dto.taxCode) {
      const result = validateTaxCode(dto.taxCode);
      if (result.valid) taxCode = result.normalized;
      else fields.taxCode = FieldErrorCode.INVALID_TAX_CODE;
    }
    if (dto.yearFounded != null && dto.yearFounded > this.clock.now().getUTCFullYear()) {
      fields.yearFounded = FieldErrorCode.TOO_LARGE;
    }
    if (Object.keys(fields).length > 0) throw DomainError.validation(fields);
    const where = place(dto);

    try {
      await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOne(ExhibitorProfileEntity, {
          where: { companyId },
          lock: { mode: 'pessimistic_write' },
        });
        await manager.save(ExhibitorProfileEntity, {
          companyId,
          legalName: dto.legalName ?? null,
          taxCode,
          ...where,
          yearFounded: dto.yearFounded ?? null,
          employees: dto.employees ?? null,
          monthlyCapacity: dto.monthlyCapacity ?? null,
          capacityUnit: dto.capacityUnit ?? null,
          exportMarkets: dto.exportMarkets ?? [],
          languages: dto.languages ?? [],
          descriptionVi: dto.descriptionVi ?? null,
          descriptionEn: dto.descriptionEn ?? null,
          logoFileId: existing?.logoFileId ?? null,
          website: dto.website ?? null,
          phone: dto.phone ?? null,
          address: dto.address ?? null,
          updatedAt: this.clock.now(),
        });
        await this.refreshProducts(manager, companyId);
      });
    } catch (error) {
      const pg = pgError(error);
      if (pg?.code === '23505' && pg.constraint === TAX_CODE_INDEX) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 409, {
          details: { fields: { taxCode: FieldErrorCode.TAX_CODE_TAKEN } },
        });
      }
      throw error;
    }
    return this.fullProfile(company);
  }

  async uploadLogo(auth: AuthUser, companyId: string, request: FastifyRequest): Promise<FileRef> {
    await this.canEdit(auth, companyId);
    const upload = await this.files.readUpload(request);
    const { file, discarded } = await this.dataSource.transaction(async (manager) => {
      const file = await this.files.store(manager, {
        companyId,
        purpose: 'logo',
        buffer: upload.buffer,
        createdBy: auth.id,
      });
      const [previous] = await manager.query<{ logo_file_id: string | null }[]>(
        `SELECT logo_file_id FROM exhibitor_profiles WHERE company_id = $1 FOR UPDATE`,
        [companyId],
      );
      await manager.query(
        `INSERT INTO exhibitor_profiles (company_id, logo_file_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (company_id) DO UPDATE SET logo_file_id = EXCLUDED.logo_file_id, updated_at = EXCLUDED.updated_at`,
        [companyId, file.id, this.clock.now()],
      );
      const discarded = await this.files.remove(manager, [previous?.logo_file_id]);
      return { file, discarded };
    });
    await this.files.discard(discarded);
    return (await this.files.refs([file.id])).get(file.id) as FileRef;
  }

  async removeLogo(auth: AuthUser, companyId: string): Promise<void> {
    await this.canEdit(auth, companyId);
    const discarded = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ logo_file_id: string | null }[]>(
        `SELECT logo_file_id FROM exhibitor_profiles WHERE company_id = $1 FOR UPDATE`,
        [companyId],
      );
      if (!row?.logo_file_id) return [];
      await manager.query(
        `UPDATE exhibitor_profiles SET logo_file_id = NULL, updated_at = $2 WHERE company_id = $1`,
        [companyId, this.clock.now()],
      );
      return this.files.remove(manager, [row.logo_file_id]);
    });
    await this.files.discard(discarded);
  }

  /**
   * The public part of an approved exhibitor's profile (no tax code, phone, address or documents),
   * for the catalogue and the traceability pages; null when the company is not shown publicly.
   */
  async publicProfile(companyId: string): Promise<PublicExhibitorProfile | null> {
    const company = await this.dataSource.getRepository(Company).findOneBy({ id: companyId });
    if (!company || company.kind !== 'exhibitor' || company.status !== 'approved') return null;
    const full = await this.fullProfile(company);
    return {
      companyId: full.companyId,
      companyName: full.companyName,
      villageCode: full.villageCode,
      villageOther: full.villageOther,
      provinceCode: full.provinceCode,
      yearFounded: full.yearFounded,
      employees: full.employees,
      monthlyCapacity: full.monthlyCapacity,
      capacityUnit: full.capacityUnit,
      exportMarkets: full.exportMarkets,
      languages: full.languages,
      descriptionVi: full.descriptionVi,
      descriptionEn: full.descriptionEn,
      website: full.website,
      logo: full.logo,
      certifications: full.certifications.map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number,
        issuer: c.issuer,
        expiresOn: c.expiresOn,
      })),
      workshops: full.workshops,
    };
  }

  private async fullProfile(company: Company): Promise<ExhibitorProfile> {
    const manager = this.dataSource.manager;
    const [profile, certifications, workshops] = await Promise.all([
      manager.findOneBy(ExhibitorProfileEntity, { companyId: company.id }),
      this.certificationRows(company.id),
      this.workshopList(company.id),
    ]);
    const fileIds = [profile?.logoFileId, ...certifications.map((c) => c.documentFileId)].filter(
      (id): id is string => !!id,
    );
    const refs = await this.files.refs(fileIds);
    return {
      companyId: company.id,
      companyName: company.name,
      companyStatus: company.status,
      legalName: profile?.legalName ?? null,
      taxCode: profile?.taxCode ?? null,
      villageCode: profile?.villageCode ?? null,
      villageOther: profile?.villageOther ?? null,
      provinceCode: profile?.provinceCode ?? null,
      yearFounded: profile?.yearFounded ?? null,
      employees: profile?.employees ?? null,
      monthlyCapacity: profile?.monthlyCapacity ?? null,
      capacityUnit: profile?.capacityUnit ?? null,
      exportMarkets: (profile?.exportMarkets ?? []).map((c) => c.trim()),
      languages: profile?.languages ?? [],
      descriptionVi: profile?.descriptionVi ?? null,
      descriptionEn: profile?.descriptionEn ?? null,
      website: profile?.website ?? null,
      phone: profile?.phone ?? null,
      address: profile?.address ?? null,
      logo: profile?.logoFileId ? (refs.get(profile.logoFileId) ?? null) : null,
      updatedAt: profile ? profile.updatedAt.toISOString() : null,
      certifications: certifications.map((c) => toCertification(c, refs)),
      workshops,
    };
  }

  // ---- certifications

  private certificationRows(companyId: string): Promise<CompanyCertificationEntity[]> {
    return this.dataSource.getRepository(CompanyCertificationEntity).find({
      where: { companyId },
      order: { type: 'ASC', expiresOn: 'ASC', createdAt: 'ASC' },
    });
  }

  private async certificationResponse(row: CompanyCertificationEntity): Promise<CompanyCertification> {
    return toCertification(row, await this.files.refs(row.documentFileId ? [row.documentFileId] : []));
  }

  async certifications(auth: AuthUser, companyId: string): Promise<CompanyCertification[]> {
    await this.canRead(auth, companyId);
    const rows = await this.certificationRows(companyId);
    const refs = await this.files.refs(rows.flatMap((r) => (r.documentFileId ? [r.documentFileId] : [])));
    return rows.map((r) => toCertification(r, refs));
  }

  async addCertification(
    auth: AuthUser,
    companyId: string,
    dto: CertificationDto,
  ): Promise<CompanyCertification> {
    await this.canEdit(auth, companyId);
    const repo = this.dataSource.getRepository(CompanyCertificationEntity);
    const row = await repo.save(
      repo.create({
        companyId,
        type: dto.type,
        number: dto.number ?? null,
        issuer: dto.issuer ?? null,
        expiresOn: dto.expiresOn ?? null,
        documentFileId: null,
      }),
    );
    return this.certificationResponse(await repo.findOneByOrFail({ id: row.id }));
  }

  private async ownCertification(
    manager: EntityManager,
    companyId: string,
    id: string,
  ): Promise<CompanyCertificationEntity> {
    const row = await manager.findOne(CompanyCertificationEntity, {
      where: { id, companyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw DomainError.notFound();
    return row;
  }

  async updateCertification(
    auth: AuthUser,
    companyId: string,
    id: string,
    dto: CertificationDto,
  ): Promise<CompanyCertification> {
    await this.canEdit(auth, companyId);
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownCertification(manager, companyId, id);
      row.type = dto.type;
      row.number = dto.number ?? null;
      row.issuer = dto.issuer ?? null;
      row.expiresOn = dto.expiresOn ?? null;
      return manager.save(row);
    });
    return this.certificationResponse(row);
  }

  async removeCertification(auth: AuthUser, companyId: string, id: string): Promise<void> {
    await this.canEdit(auth, companyId);
    const discarded = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownCertification(manager, companyId, id);
      await manager.delete(CompanyCertificationEntity, { id: row.id });
      return this.files.remove(manager, [row.documentFileId]);
    });
    await this.files.discard(discarded);
  }

  async uploadCertificationDocument(
    auth: AuthUser,
    companyId: string,
    id: string,
    request: FastifyRequest,
  ): Promise<CompanyCertification> {
    await this.canEdit(auth, companyId);
    const exists = await this.dataSource
      .getRepository(CompanyCertificationEntity)
      .existsBy({ id, companyId });
    if (!exists) throw DomainError.notFound();
    const upload = await this.files.readUpload(request);
    const { row, discarded } = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownCertification(manager, companyId, id);
      const file = await this.files.store(manager, {
        companyId,
        purpose: 'document',
        buffer: upload.buffer,
        createdBy: auth.id,
      });
      const previous = row.documentFileId;
      row.documentFileId = file.id;
      await manager.save(row);
      return { row, discarded: await this.files.remove(manager, [previous]) };
    });
    await this.files.discard(discarded);
    return this.certificationResponse(row);
  }

  async removeCertificationDocument(
    auth: AuthUser,
    companyId: string,
    id: string,
  ): Promise<CompanyCertification> {
    await this.canEdit(auth, companyId);
    const { row, discarded } = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownCertification(manager, companyId, id);
      const previous = row.documentFileId;
      row.documentFileId = null;
      await manager.save(row);
      return { row, discarded: await this.files.remove(manager, [previous]) };
    });
    await this.files.discard(discarded);
    return this.certificationResponse(row);
  }

  // ---- workshops and artisans

  private async workshopList(companyId: string, workshopId?: string): Promise<Workshop[]> {
    const manager = this.dataSource.manager;
    const workshops = await manager.find(WorkshopEntity, {
      where: workshopId ? { companyId, id: workshopId } : { companyId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const artisans = await manager.find(ArtisanEntity, {
      where: workshopId ? { companyId, workshopId } : { companyId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return workshops.map((w) => ({
      id: w.id,
      name: w.name,
      villageCode: w.villageCode,
      villageOther: w.villageOther,
      provinceCode: w.provinceCode,
      description: w.description,
      createdAt: w.createdAt.toISOString(),
      artisans: artisans.filter((a) => a.workshopId === w.id).map(toArtisan),
    }));
  }

  private async workshopResponse(companyId: string, id: string): Promise<Workshop> {
    const [workshop] = await this.workshopList(companyId, id);
    if (!workshop) throw DomainError.notFound();
    return workshop;
  }

  async workshops(auth: AuthUser, companyId: string): Promise<Workshop[]> {
    await this.canRead(auth, companyId);
    return this.workshopList(companyId);
  }

  async addWorkshop(auth: AuthUser, companyId: string, dto: WorkshopDto): Promise<Workshop> {
    await this.canEdit(auth, companyId);
    const repo = this.dataSource.getRepository(WorkshopEntity);
    const row = await repo.save(
      repo.create({ companyId, name: dto.name, description: dto.description ?? null, ...place(dto) }),
    );
    return this.workshopResponse(companyId, row.id);
  }

  async updateWorkshop(auth: AuthUser, companyId: string, id: string, dto: WorkshopDto): Promise<Workshop> {
    await this.canEdit(auth, companyId);
    const where = place(dto);
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(WorkshopEntity, {
        where: { id, companyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw DomainError.notFound();
      Object.assign(row, { name: dto.name, description: dto.description ?? null, ...where });
      await manager.save(row);
      await this.refreshProducts(manager, companyId);
    });
    return this.workshopResponse(companyId, id);
  }

  async removeWorkshop(auth: AuthUser, companyId: string, id: string): Promise<void> {
    await this.canEdit(auth, companyId);
    await this.deleteInUse(async (manager) => {
      const result = await manager.delete(WorkshopEntity, { id, companyId });
      if (!result.affected) throw DomainError.notFound();
    });
  }

  async addArtisan(auth: AuthUser, companyId: string, workshopId: string, dto: ArtisanDto): Promise<Artisan> {
    await this.canEdit(auth, companyId);
    const repo = this.dataSource.getRepository(ArtisanEntity);
    const workshop = await this.dataSource
      .getRepository(WorkshopEntity)
      .existsBy({ id: workshopId, companyId });
    if (!workshop) throw DomainError.notFound();
    const row = await repo.save(
      repo.create({ companyId, workshopId, name: dto.name, title: dto.title ?? null, bio: dto.bio ?? null }),
    );
    return toArtisan(await repo.findOneByOrFail({ id: row.id }));
  }

  async updateArtisan(
    auth: AuthUser,
    companyId: string,
    workshopId: string,
    id: string,
    dto: ArtisanDto,
  ): Promise<Artisan> {
    await this.canEdit(auth, companyId);
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ArtisanEntity, {
        where: { id, companyId, workshopId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw DomainError.notFound();
      Object.assign(row, { name: dto.name, title: dto.title ?? null, bio: dto.bio ?? null });
      const saved = await manager.save(row);
      await this.refreshProducts(manager, companyId);
      return saved;
    });
    return toArtisan(row);
  }

  async removeArtisan(auth: AuthUser, companyId: string, workshopId: string, id: string): Promise<void> {
    await this.canEdit(auth, companyId);
    await this.deleteInUse(async (manager) => {
      const result = await manager.delete(ArtisanEntity, { id, companyId, workshopId });
      if (!result.affected) throw DomainError.notFound();
    });
  }

  /** A workshop or artisan named as a product's maker cannot go: 409 IN_USE instead of a bare FK error. */
  private async deleteInUse(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (error) {
      if (pgError(error)?.code === '23503') throw new DomainError(ErrorCode.IN_USE, 409);
      throw error;
    }
  }
}

function toCertification(row: CompanyCertificationEntity, refs: Map<string, FileRef>): CompanyCertification {
  return {
    id: row.id,
    type: row.type,
    number: row.number,
    issuer: row.issuer,
    expiresOn: row.expiresOn,
    document: row.documentFileId ? (refs.get(row.documentFileId) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toArtisan(row: ArtisanEntity): Artisan {
  return {
    id: row.id,
    workshopId: row.workshopId,
    name: row.name,
    title: row.title,
    bio: row.bio,
    createdAt: row.createdAt.toISOString(),
  };
}
