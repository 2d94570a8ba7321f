import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/components/problemMessage';
import { useDynamicT } from '@/i18n/dynamic';
import { PICTURE_TYPES, useUploadProfilePicture } from '../api/uploadProfilePicture';
import { isNotAnImage, pictureProblem } from '../picture';

/** The profile picture: shown from picture_url, replaced by choosing a file (saved at once). */
export function PictureUpload({ pictureUrl, name }: { pictureUrl: string | null | undefined; name: string }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const upload = useUploadProfilePicture();
  const [localProblem, setLocalProblem] = useState<'type' | 'size' | null>(null);

  const uploadMessage = (error: unknown) =>
    isNotAnImage(error) ? t('onboarding.picture.problem.notImage') : problemMessage(dt, error);

  const choose = (file: File | null) => {
    if (!file) return;
    const problem = pictureProblem(file);
    setLocalProblem(problem);
    upload.reset();
    if (!problem) upload.mutate(file);
  };

  const error = localProblem
    ? t(`onboarding.picture.problem.${localProblem}`)
    : upload.error
      ? uploadMessage(upload.error)
      : null;

  return (
    <Group gap="lg" align="center" wrap="nowrap">
      <Avatar
        src={pictureUrl ?? undefined}
        alt={pictureUrl ? t('onboarding.picture.alt', { name }) : undefined}
        size={88}
        radius="xl"
        color="blue"
        data-testid="profile-picture"
      >
        {name
          .split(/\s+/)
          .map((part) => part.charAt(0))
          .slice(0, 2)
          .join('')
          .toUpperCase()}
      </Avatar>
      <Stack gap={6}>
        <Text fw={500} size="sm" id="picture-label">
          {t('onboarding.picture.label')}
        </Text>
        <Text size="xs" c="dimmed" id="picture-hint">
          {t('onboarding.picture.hint')}
        </Text>
        <FileButton onChange={choose} accept={PICTURE_TYPES.join(',')} inputProps={{ 'aria-describedby': 'picture-hint' }}>
          {(props) => (
            <Button {...props} variant="default" size="xs" w="fit-content" loading={upload.isPending}>
              {pictureUrl ? t('onboarding.picture.replace') : t('onboarding.picture.choose')}
            </Button>
          )}
        </FileButton>
        {upload.isSuccess && !error && (
          <Text size="xs" c="teal.9" role="status">
            {t('onboarding.picture.saved')}
          </Text>
        )}
        {error && (
          <Text size="xs" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
