export { CompaniesModule } from './companies.module';
export { CompaniesService, type NewCompany } from './companies.service';
export { Company } from './company.entity';
export { CompanyMembership } from './company-membership.entity';
