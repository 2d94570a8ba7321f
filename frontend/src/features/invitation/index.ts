// What the app layer may use from the invitation feature.
export { invitationPublicRoutes } from './routes';
