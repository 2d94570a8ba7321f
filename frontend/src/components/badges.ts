// Mantine clips a badge's label, so in a table the column can squeeze a badge to
// "Clos…"; a visible label makes the text the badge's minimum width.
export const NO_SQUEEZE = { label: { overflow: 'visible' } } as const;
