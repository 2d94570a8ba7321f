// Where an audit entry's subject can be looked at in the SPA, when anywhere.
export function subjectPath(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'application':
      return `/admin/applications/${id}`;
    case 'appeal':
      return `/admin/appeals/${id}`;
    case 'freelancer':
      return `/admin/freelancers/${id}`;
    case 'support_ticket':
      return `/app/support/${id}`;
    case 'terms':
      return '/admin/terms';
    case 'invitation':
      return '/admin/invitations';
    default:
      return null;
  }
}

/** Only http(s) links from applicants become anchors; anything else is shown as text. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
