// Friendly names for the generated OpenAPI schemas. Only this file knows the component
// names used in openapi.yaml; the rest of the app imports from here.
import type { components } from './schema';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['AuthResponse'];
export type User = Schemas['User'];
export type Me = Schemas['Me'];
export type FreelancerSummary = NonNullable<Me['freelancer']>;
export type LoginRequest = Schemas['LoginRequest'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type RegistrationRole = RegisterRequest['role'];
export type UpdateMeRequest = Schemas['UpdateMeRequest'];
export type Locale = Me['locale'];
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

export type Role = 'freelancer' | 'customer' | 'support' | 'admin';

// The programme, freelancer side: landing page, invitations, application, onboarding,
// appeals, support, dashboard.
export type Program = Schemas['Program'];
export type InvitationCheck = Schemas['InvitationCheck'];
export type Application = Schemas['Application'];
export type ApplicationForm = Schemas['ApplicationForm'];
export type Experience = Schemas['Experience'];
export type Appeal = Schemas['Appeal'];
export type AppealList = Schemas['Paginated_Appeal'];
export type NewAppeal = Schemas['NewAppeal'];
export type Profile = Schemas['Profile'];
export type ProfileUpdate = Schemas['ProfileUpdate'];
export type PersonalInput = Schemas['PersonalInput'];
export type BusinessInput = Schemas['BusinessInput'];
export type Education = Schemas['Education'];
export type PictureUploaded = Schemas['PictureUploaded'];
export type TaxForm = Schemas['TaxForm'];
export type TaxFormInput = Schemas['TaxFormInput'];
export type TaxClassification = Schemas['TaxClassification'];
export type TinType = Schemas['TinType'];
export type UsState = Schemas['UsState'];
export type TermsDocument = Schemas['TermsDocument'];
export type TermsAcceptance = Schemas['TermsAcceptance'];
export type Dashboard = Schemas['Dashboard'];
export type Ticket = Schemas['Ticket'];
export type TicketList = Schemas['Paginated_Ticket'];
export type TicketMessage = Schemas['TicketMessage'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketCategory = Schemas['TicketCategory'];
export type CreateTicketRequest = Schemas['CreateTicketRequest'];
