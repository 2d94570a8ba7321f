import { Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorState } from '@/components/ErrorState';

/** Last resort for a render error or a chunk that failed to load (e.g. after a deploy). */
export default function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl" component="main">
      <ErrorState error={error instanceof TypeError ? error : undefined} onRetry={() => window.location.reload()} />
    </Container>
  );
}
