// What the app layer may use from the invitations feature.
export { invitationPublicRoutes, invitationStaffRoutes } from './routes';
