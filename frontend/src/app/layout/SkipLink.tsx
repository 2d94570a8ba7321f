import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

export const MAIN_ID = 'main-content';

/** Lets keyboard users jump past the header. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={classes.skip} href={`#${MAIN_ID}`}>
      {t('app.skipToContent')}
    </a>
  );
}
