import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_MAX } from '@/lib/filters/filters';

interface SearchFieldProps {
  label: string;
  /** The applied value (from the URL); the field restarts from it when it changes. */
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  name: string;
}

/** A text filter applied on Enter or "Search", so typing does not reload the list on every key. */
export function SearchField({ label, value, onSearch, placeholder, name }: SearchFieldProps) {
  const { t } = useTranslation();
  return (
    <form
      key={value}
      role="search"
      // Shrinks with the filter bar on phones instead of pushing "Search" out of it.
      style={{ minWidth: 0, maxWidth: '100%' }}
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem(name) as HTMLInputElement | null;
        onSearch(input?.value ?? '');
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          name={name}
          label={label}
          defaultValue={value}
          placeholder={placeholder}
          maxLength={TEXT_MAX}
          type="search"
          style={{ flex: '1 1 240px', minWidth: 0 }}
        />
        <Button type="submit" variant="default" style={{ flexShrink: 0 }}>
          {t('staff.list.search')}
        </Button>
      </Group>
    </form>
  );
}
