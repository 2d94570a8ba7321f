// Where the staff earnings pages live (children of /admin).
export function ledgerPath(freelancerId: string): string {
  return `/admin/freelancers/${encodeURIComponent(freelancerId)}/earnings`;
}

export function entryPath(freelancerId: string, entryId: string): string {
  return `${ledgerPath(freelancerId)}/${encodeURIComponent(entryId)}`;
}
