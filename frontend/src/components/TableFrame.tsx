import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './TableFrame.module.css';

interface TableFrameProps {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The last column holds the row's actions: keep it in view while scrolling. */
  stickyActions?: boolean;
  /**
   * Names the scrolling region of a table without links or buttons, which then takes
   * keyboard focus itself, so that it can be scrolled without a mouse.
   */
  label?: string;
  children: ReactNode;
}

/** A list table that scrolls sideways on phones, says so, and keeps its actions visible. */
export function TableFrame({ minWidth, stickyActions = false, label, children }: TableFrameProps) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="xs" c="dimmed" hiddenFrom="sm" mb={4} data-testid="table-scroll-hint">
        {t('staff.list.scrollHint')}
      </Text>
      <Table.ScrollContainer
        minWidth={minWidth}
        className={stickyActions ? classes.stickyActions : undefined}
        scrollAreaProps={label ? { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } } : undefined}
      >
        {children}
      </Table.ScrollContainer>
    </>
  );
}
