import { createBrowserRouter, Outlet } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/pages/AcceptInvitationPage';
import { ForgotPasswordPage } from '../features/auth/pages/ForgotPasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { RegisterPage } from '../features/auth/pages/RegisterPage';
import { ResetPasswordPage } from '../features/auth/pages/ResetPasswordPage';
import { VerifyEmailPage } from '../features/auth/pages/VerifyEmailPage';
import { AccountPage } from '../features/privacy/pages/AccountPage';
import { PrivacyNoticePage } from '../features/privacy/pages/PrivacyNoticePage';
import { MyCompanyPage } from '../features/companies/pages/MyCompanyPage';
import { TeamPage } from '../features/companies/pages/TeamPage';
import { CompanyProfilePage } from '../features/exhibitor-profile/pages/CompanyProfilePage';
import { BuyerProfilePage } from '../features/buyer-profile/pages/BuyerProfilePage';
import { DashboardPage } from '../features/home/pages/DashboardPage';
import { NotFoundPage } from '../features/home/pages/NotFoundPage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { ModerationPage } from '../features/moderation/pages/ModerationPage';
import { MyProductsPage } from '../features/products/pages/MyProductsPage';
import { ProductEditorPage } from '../features/products/pages/ProductEditorPage';
import { ApprovalQueuePage } from '../features/organizer/pages/ApprovalQueuePage';
import { StaffInvitationsPage } from '../features/organizer/pages/StaffInvitationsPage';
import { PublicLayout } from '../features/catalogue/components/PublicLayout';
import { CataloguePage } from '../features/catalogue/pages/CataloguePage';
import { ExhibitorPage } from '../features/catalogue/pages/ExhibitorPage';
import { ProductPage } from '../features/catalogue/pages/ProductPage';
import { InquiriesPage } from '../features/inquiries/pages/InquiriesPage';
import { ApplyBoothPage } from '../features/booths/pages/ApplyBoothPage';
import { BoothManagementPage } from '../features/booths/pages/BoothManagementPage';
import { BoothPosterPage } from '../features/booths/pages/BoothPosterPage';
import { FairEditorPage } from '../features/fairs/pages/FairEditorPage';
import { FairPage } from '../features/fairs/pages/FairPage';
import { FairsPage } from '../features/fairs/pages/FairsPage';
import { OrganizerFairsPage } from '../features/fairs/pages/OrganizerFairsPage';
import { MeetingFairsPage } from '../features/meeting-admin/pages/MeetingFairsPage';
import { MeetingsOverviewPage } from '../features/meeting-admin/pages/MeetingsOverviewPage';
import { TablesPage } from '../features/meeting-admin/pages/TablesPage';
import { InterpretersPage } from '../features/meeting-admin/pages/InterpretersPage';
import { HostedBuyersPage } from '../features/meeting-admin/pages/HostedBuyersPage';
import { SchedulePage } from '../features/scheduling/pages/SchedulePage';
import { CheckinPage } from '../features/meetings/pages/CheckinPage';
import { MeetingOutcomePage } from '../features/meetings/pages/MeetingOutcomePage';
import { MeetingsInboxPage } from '../features/meetings/pages/MeetingsInboxPage';
import { RequestMeetingPage } from '../features/meetings/pages/RequestMeetingPage';
import { RecommendationsPage } from '../features/matchmaking/pages/RecommendationsPage';
import { AgendaIndexPage, AgendaPage } from '../features/agenda/pages/AgendaPage';
import { ContractDetailPage } from '../features/deals/pages/ContractDetailPage';
import { ContractsPage } from '../features/deals/pages/ContractsPage';
import { EditContractPage } from '../features/deals/pages/EditContractPage';
import { NewContractPage } from '../features/deals/pages/NewContractPage';
import { PipelinePage } from '../features/deals/pages/PipelinePage';
import { SamplesPage } from '../features/deals/pages/SamplesPage';
import { FxRatesPage } from '../features/dashboard/pages/FxRatesPage';
import { OrganizerDashboardPage } from '../features/dashboard/pages/OrganizerDashboardPage';
import { DataExchangePage } from '../features/data-exchange/pages/DataExchangePage';
import { RequireAuth, RequireGuest, RequirePermission } from './guards';
import { AppLayout } from './layout/AppLayout';
import { AuthLayout } from './layout/AuthLayout';
import { RealtimeBridge } from './RealtimeBridge';

function Root() {
  return (
    <>
      <RealtimeBridge />
      <Outlet />
    </>
  );
}

export const routes = [
  {
    element: <Root />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          {
            element: <RequireGuest />,
            children: [
              { path: '/login', element: <LoginPage /> },
              { path: '/register', element: <RegisterPage /> },
              { path: '/forgot-password', element: <ForgotPasswordPage /> },
              { path: '/reset-password', element: <ResetPasswordPage /> },
            ],
          },
          // Reached from e-mail links, signed in or not.
          { path: '/verify-email', element: <VerifyEmailPage /> },
          { path: '/invite/:token', element: <AcceptInvitationPage /> },
        ],
      },
      // The public catalogue: no sign-in needed (QR codes lead here).
      {
        element: <PublicLayout />,
        children: [
          { path: '/catalogue', element: <CataloguePage /> },
          { path: '/p/:slug', element: <ProductPage /> },
          { path: '/e/:companyId', element: <ExhibitorPage /> },
          { path: '/fairs', element: <FairsPage /> },
          { path: '/fairs/:slug', element: <FairPage /> },
          { path: '/privacy', element: <PrivacyNoticePage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <DashboardPage /> },
              { path: '/company', element: <MyCompanyPage /> },
              { path: '/company/team', element: <TeamPage /> },
              { path: '/company/profile', element: <CompanyProfilePage /> },
              { path: '/company/buyer-profile', element: <BuyerProfilePage /> },
              { path: '/meetings', element: <MeetingsInboxPage /> },
              { path: '/meetings/new', element: <RequestMeetingPage /> },
              { path: '/meetings/:id/outcome', element: <MeetingOutcomePage /> },
              { path: '/matchmaking', element: <RecommendationsPage /> },
              { path: '/agenda', element: <AgendaIndexPage /> },
              { path: '/agenda/:fairId', element: <AgendaPage /> },
              { path: '/checkin/:code', element: <CheckinPage /> },
              { path: '/deals/pipeline', element: <PipelinePage /> },
              { path: '/deals/samples', element: <SamplesPage /> },
              { path: '/deals/contracts', element: <ContractsPage /> },
              { path: '/deals/contracts/new', element: <NewContractPage /> },
              { path: '/deals/contracts/:id', element: <ContractDetailPage /> },
              { path: '/deals/contracts/:id/edit', element: <EditContractPage /> },
              { path: '/notifications', element: <NotificationsPage /> },
              { path: '/account', element: <AccountPage /> },
              {
                element: <RequirePermission permission="booths.apply" />,
                children: [{ path: '/booths/apply', element: <ApplyBoothPage /> }],
              },
              {
                element: <RequirePermission permission="fairs.read" />,
                children: [
                  { path: '/organizer/fairs', element: <OrganizerFairsPage /> },
                  { path: '/organizer/fairs/new', element: <FairEditorPage /> },
                  { path: '/organizer/fairs/:id', element: <FairEditorPage /> },
                  { path: '/organizer/fairs/:id/booths', element: <BoothManagementPage /> },
                  { path: '/organizer/meetings', element: <MeetingFairsPage /> },
                  { path: '/organizer/fairs/:id/meetings', element: <MeetingsOverviewPage /> },
                  { path: '/organizer/fairs/:id/tables', element: <TablesPage /> },
                  { path: '/organizer/fairs/:id/interpreters', element: <InterpretersPage /> },
                  { path: '/organizer/fairs/:id/buyers', element: <HostedBuyersPage /> },
                  { path: '/organizer/fairs/:id/schedule', element: <SchedulePage /> },
                  { path: '/organizer/fx-rates', element: <FxRatesPage /> },
                  { path: '/organizer/dashboard', element: <OrganizerDashboardPage /> },
                ],
              },
              { path: '/inquiries', element: <InquiriesPage /> },
              { path: '/products', element: <MyProductsPage /> },
              { path: '/products/new', element: <ProductEditorPage /> },
              { path: '/products/:id', element: <ProductEditorPage /> },
              {
                element: <RequirePermission permission="companies.list" />,
                children: [{ path: '/organizer/moderation', element: <ModerationPage /> }],
              },
              {
                element: <RequirePermission permission="companies.list" />,
                children: [{ path: '/organizer/companies', element: <ApprovalQueuePage /> }],
              },
              {
                element: <RequirePermission permission="fairs.manage" />,
                children: [{ path: '/organizer/data', element: <DataExchangePage /> }],
              },
              {
                element: <RequirePermission permission="staff.invite" />,
                children: [{ path: '/organizer/staff', element: <StaffInvitationsPage /> }],
              },
            ],
          },
        ],
      },
      // Printable A4 booth poster: public, no app chrome.
      { path: '/booths/:id/poster', element: <BoothPosterPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
