import { Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useProgram } from '../api/getProgram';
import { useSetFreelancerTier } from '../api/setFreelancerTier';
import type { FreelancerView, Tier } from '../api/types';
import { clearingDays, TIERS } from '../lib/tiers';
import classes from './TierForm.module.css';

/** The seller tier, with each tier's clearing period; saving is audited and emails the freelancer. */
export function TierForm({ freelancer }: { freelancer: FreelancerView }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const program = useProgram();
  const days = clearingDays(program.data);
  const setTier = useSetFreelancerTier(freelancer.id);
  const [tier, setTierValue] = useState<string>(freelancer.tier);
  const changed = tier !== freelancer.tier;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!changed) return;
        setTier.mutate(tier as Tier, {
          onSuccess: (updated) =>
            notifications.show({
              message: t('staffFreelancers.tier.done', {
                name: updated.full_name,
                tier: dt(`staffFreelancers.tiers.${updated.tier}`, humanize(updated.tier)),
              }),
              color: 'green.9',
              closeButtonProps: { 'aria-label': t('app.close') },
            }),
        });
      }}
    >
      <Stack>
        <ProblemAlert error={setTier.error} />
        <Radio.Group label={t('staffFreelancers.tier.label')} description={t('staffFreelancers.tier.hint')} value={tier} onChange={setTierValue}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" spacing="sm">
            {TIERS.map((value) => (
              <Radio.Card key={value} value={value} p="md" radius="md" className={classes.card} data-testid={`tier-${value}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600} size="sm">
                      {dt(`staffFreelancers.tiers.${value}`, humanize(value))}
                      {value === freelancer.tier && ` · ${t('staffFreelancers.tier.current')}`}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {days[value] !== undefined
                        ? t('staffFreelancers.tier.clearing', { count: days[value] })
                        : program.isPending
                          ? t('states.loading')
                          : t('staffFreelancers.tier.clearingUnknown')}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Group>
          <Button type="submit" disabled={!changed} loading={setTier.isPending}>
            {t('staffFreelancers.tier.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
