import { createBrowserRouter, Outlet } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/pages/AcceptInvitationPage';
import { ForgotPasswordPage } from '../features/auth/pages/ForgotPasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { RegisterPage } from '../features/auth/pages/RegisterPage';
import { ResetPasswordPage } from '../features/auth/pages/ResetPasswordPage';
import { VerifyEmailPage } from '../features/auth/pages/VerifyEmailPage';
import { MyCompanyPage } from '../features/companies/pages/MyCompanyPage';
import { TeamPage } from '../features/companies/pages/TeamPage';
import { DashboardPage } from '../features/home/pages/DashboardPage';
import { NotFoundPage } from '../features/home/pages/NotFoundPage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { ApprovalQueuePage } from '../features/organizer/pages/ApprovalQueuePage';
import { StaffInvitationsPage } from '../features/organizer/pages/StaffInvitationsPage';
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
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <DashboardPage /> },
              { path: '/company', element: <MyCompanyPage /> },
              { path: '/company/team', element: <TeamPage /> },
              { path: '/notifications', element: <NotificationsPage /> },
              {
                element: <RequirePermission permission="companies.list" />,
                children: [{ path: '/organizer/companies', element: <ApprovalQueuePage /> }],
              },
              {
                element: <RequirePermission permission="staff.invite" />,
                children: [{ path: '/organizer/staff', element: <StaffInvitationsPage /> }],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
