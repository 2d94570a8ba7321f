import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The explanation and, for forms, the fields. */
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes without acting (default "Cancel"). */
  dismissLabel?: string;
  onConfirm: () => void;
  loading?: boolean;
  color?: string;
  /** Renders the body as a form whose submit confirms (so Enter works in fields). */
  asForm?: boolean;
  formRef?: Ref<HTMLFormElement>;
}

/** Asks before an action that cannot be undone, with what will happen spelled out. */
export function ConfirmModal({ opened, onClose, title, children, confirmLabel, dismissLabel, onConfirm, loading, color, asForm, formRef }: ConfirmModalProps) {
  const { t } = useTranslation();
  const body = (
    <Stack>
      {children}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={loading}>
          {dismissLabel ?? t('staff.actions.cancel')}
        </Button>
        <Button type={asForm ? 'submit' : 'button'} color={color} loading={loading} onClick={asForm ? undefined : onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
  return (
    // Built from parts so the header is a div: Mantine's <header> would be a second banner landmark.
    <Modal.Root opened={opened} onClose={onClose} size="lg">
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('app.close')} />
        </Modal.Header>
        <Modal.Body>
          {asForm ? (
            <form
              ref={formRef}
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                onConfirm();
              }}
            >
              {body}
            </form>
          ) : (
            body
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
