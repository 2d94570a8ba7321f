// What the app layer may use from the onboarding feature.
export { onboardingRoutes } from './routes';
