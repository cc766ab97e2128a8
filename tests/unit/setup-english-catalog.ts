// Unit tests run without a browser: errors and messages get their English words from the
// catalogue itself (the extension leaves that to the browser's i18n; see utils/i18n/localize.ts).
import catalog from '../../public/_locales/en/messages.json' with { type: 'json' };
import { useEnglishCatalog } from '../../utils/i18n/localize';

useEnglishCatalog(catalog);
