import { Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FreelancerSummary, Profile, TaxForm } from '@/lib/api/types';
import { startingStep, stepIsDone, wizardSteps, type WizardInput, type WizardStep } from '../wizard';
import { BusinessStep } from './BusinessStep';
import { IntroStep } from './IntroStep';
import { PersonalStep } from './PersonalStep';
import { TaxStep } from './TaxStep';
import { TermsStep } from './TermsStep';
import { WizardDone } from './WizardDone';

interface Props {
  freelancer: FreelancerSummary;
  profile: Profile;
  taxForm: TaxForm | null;
  /** Open at this step (the terms link in emails) instead of the first one to do. */
  requested?: WizardStep;
}

/** The onboarding steps with visible progress; each step saves on its own and moves on. */
export function Wizard({ freelancer, profile, taxForm, requested }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const input: WizardInput = {
    onboardingRequired: freelancer.onboarding_required,
    missingSteps: freelancer.missing_steps,
    profile,
    hasTaxForm: taxForm !== null,
  };
  const steps = wizardSteps(input);
  const [chosen, setChosen] = useState(() => startingStep(steps, input, requested));
  // The W-9 step disappears when the country changes away from the US.
  const active = Math.min(chosen, steps.length);
  const step = steps[active];

  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    const heading = document.getElementById(step ? `step-${step}` : 'onboarding-title');
    heading?.focus();
    heading?.scrollIntoView({ block: 'nearest' });
  }, [active, step]);

  const go = (index: number) => {
    moved.current = true;
    setChosen(Math.max(0, Math.min(index, steps.length)));
  };
  const next = () => go(active + 1);
  const back = active > 0 ? () => go(active - 1) : undefined;

  return (
    <Stack gap="lg">
      {steps.length > 1 && (
        <Stack gap={6}>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="wizard-progress">
            {active < steps.length
              ? t('onboarding.progress', { current: active + 1, total: steps.length })
              : t('onboarding.progressDone')}
            {/* On phones the step's name stands in for the stepper. */}
            {narrow && step && ` — ${t(`onboarding.steps.${step}`)}`}
          </Text>
          {narrow ? (
            <Progress value={(Math.min(active, steps.length) / steps.length) * 100} size="sm" aria-hidden="true" />
          ) : (
            <Stepper
              active={active}
              onStepClick={go}
              allowNextStepsSelect={false}
              size="sm"
              aria-label={t('onboarding.stepsLabel')}
            >
              {steps.map((s) => (
                <Stepper.Step
                  key={s}
                  label={t(`onboarding.steps.${s}`)}
                  description={stepIsDone(s, input) ? t('onboarding.stepDone') : undefined}
                />
              ))}
            </Stepper>
          )}
        </Stack>
      )}

      {step === 'intro' && <IntroStep onDone={next} />}
      {step === 'personal' && <PersonalStep profile={profile} onBack={() => go(active - 1)} onDone={next} />}
      {step === 'business' && <BusinessStep profile={profile} onBack={() => go(active - 1)} onDone={next} />}
      {step === 'tax' && <TaxStep saved={taxForm} onBack={() => go(active - 1)} onDone={next} />}
      {step === 'terms' && <TermsStep pending={freelancer.missing_steps.includes('terms')} onBack={back} onDone={next} />}
      {step === undefined && <WizardDone freelancer={freelancer} />}
    </Stack>
  );
}
