import type { Locale } from './config';
import type { Messages } from './messages';

// Typed message keys: a missing key is a type error (nl and en are kept equal by a unit test).
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
