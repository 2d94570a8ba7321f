import { Alert, Button, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CountrySelect } from '@/components/CountrySelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { isApiError } from '@/lib/api/problem';
import { useCheckout } from '../api/checkout';
import type { CheckoutRequest } from '../api/types';
import { type Cart, clearCart, idempotencyKeyFor, settleAttempt } from '../lib/cart';
import { PAYMENT_FAILURES, PAYMENT_METHODS, type PaymentMethodId } from '../lib/paymentMethods';

const FIELDS = ['payment_method', 'billing_country'] as const;

type PaymentValues = { payment_method: PaymentMethodId; billing_country: string | null };

/** Answers after which the same submission may be sent again with the same key. */
function retrySafe(error: unknown): boolean {
  return !isApiError(error) || error.status >= 500 || error.code === 'idempotency_key_in_use';
}

interface PaymentFormProps {
  cart: Cart;
  referralCode: string | null;
}

/** The payment method (sandbox cards) and "Pay": one Idempotency-Key per submission. */
export function PaymentForm({ cart, referralCode }: PaymentFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const checkout = useCheckout();
  const form = useForm<PaymentValues>({ initialValues: { payment_method: 'pm_card_visa', billing_country: null } });
  const { formRef, alertError, onServerError, reset } = useServerErrors(form, FIELDS);

  const submit = form.onSubmit((values) => {
    reset();
    const body: CheckoutRequest = {
      plan_id: cart.plan.id,
      billing_term: cart.term,
      seats: cart.seats,
      referral_code: referralCode,
      payment_method: values.payment_method,
      ...(values.billing_country ? { billing_country: values.billing_country } : {}),
    };
    checkout.mutate(
      { body, idempotencyKey: idempotencyKeyFor(body) },
      {
        onSuccess: (result) => {
          clearCart();
          void navigate(`/app/checkout/complete/${encodeURIComponent(result.subscription.id)}`);
        },
        onError: (error) => {
          // A decline is an answer: paying again (after topping up the card) is a new attempt.
          if (!retrySafe(error)) settleAttempt();
          onServerError(error);
        },
      },
    );
  });

  const failure = isApiError(checkout.error) && (PAYMENT_FAILURES as readonly string[]).includes(checkout.error.code) ? checkout.error.code : null;
  const inUse = isApiError(checkout.error) && checkout.error.code === 'idempotency_key_in_use';
  const network = checkout.error instanceof TypeError;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('checkout.payment.title')}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" variant="light" title={t('checkout.failed.title')} data-testid="payment-failed" role="alert">
            <Text size="sm">{t(`checkout.failed.${failure as 'card_declined' | 'insufficient_funds'}`)}</Text>
            <Text size="sm" mt="xs">
              {t('checkout.failed.nothingCharged')}
            </Text>
          </Alert>
        )}
        {inUse && (
          <Alert color="yellow" variant="light" title={t('checkout.inUse.title')} data-testid="payment-in-use">
            {t('checkout.inUse.text')}
          </Alert>
        )}
        {network && (
          <Alert color="red" variant="light" title={t('errors.alertTitle')} data-testid="payment-network">
            {t('checkout.network')}
          </Alert>
        )}
        {!failure && !inUse && !network && <ProblemAlert error={alertError} shownFields={FIELDS} />}
        <Radio.Group
          label={t('checkout.payment.method')}
          description={t('checkout.payment.sandbox')}
          required
          {...form.getInputProps('payment_method')}
        >
          <Stack gap="sm" mt="xs">
            {PAYMENT_METHODS.map((method) => (
              <Radio key={method.id} value={method.id} label={t(method.label)} />
            ))}
          </Stack>
        </Radio.Group>
        <CountrySelect
          label={t('checkout.payment.country')}
          description={t('checkout.payment.countryHint')}
          placeholder={t('checkout.payment.countryPlaceholder')}
          clearable
          {...form.getInputProps('billing_country')}
        />
        <Button type="submit" size="md" loading={checkout.isPending} data-testid="pay">
          {t('checkout.payment.pay')}
        </Button>
      </Stack>
    </form>
  );
}
