import type { UseFormReturnType } from '@mantine/form';
import type { AccountValues } from '../lib/accountForm';

export type AccountForm = UseFormReturnType<AccountValues>;
