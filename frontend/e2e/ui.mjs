// Page helpers the scenarios share: waiting for a path, and filling Mantine's inputs the
// way a person does.

export async function waitForPath(page, pathname) {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** The body text of the page, to assert that something is (not) shown anywhere. */
export async function pageText(page) {
  return page.evaluate(() => document.body.innerText);
}

/** A Mantine Select: open it and pick the option. */
export async function choose(page, label, option) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A searchable Mantine Select: type, then pick the option. */
export async function search(page, label, typed, option) {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A Mantine TagsInput: each value typed and confirmed with Enter. */
export async function tags(page, label, values) {
  const input = page.getByRole('combobox', { name: label });
  for (const value of values) {
    await input.fill(value);
    await input.press('Enter');
  }
}
