import { useTranslation } from 'react-i18next';
import './skip-link.css';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first stop of the Tab key on every page with a header: it jumps over the header and the
 * navigation to the page's main region (which carries MAIN_CONTENT_ID and tabIndex -1).
 */
export function SkipLink() {
  const { t } = useTranslation('common');
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="cm-skip-link"
      onClick={(event) => {
        const main = document.getElementById(MAIN_CONTENT_ID);
        if (!main) return;
        // The focus moves with the view; the router's URL stays as it is.
        event.preventDefault();
        main.focus();
      }}
    >
      {t('nav.skipToContent')}
    </a>
  );
}
