import type { Locale } from './config';

// Static imports so the bundler includes every namespace; one JSON file per namespace and locale.
import enAdmin from './messages/en/admin.json';
import enAnalytics from './messages/en/analytics.json';
import enAuth from './messages/en/auth.json';
import enCommon from './messages/en/common.json';
import enConversations from './messages/en/conversations.json';
import enCounter from './messages/en/counter.json';
import enCustomers from './messages/en/customers.json';
import enErrors from './messages/en/errors.json';
import enExperiments from './messages/en/experiments.json';
import enSearch from './messages/en/search.json';
import enReviews from './messages/en/reviews.json';
import enSatisfaction from './messages/en/satisfaction.json';
import enShop from './messages/en/shop.json';
import enValidation from './messages/en/validation.json';
import nlAdmin from './messages/nl/admin.json';
import nlAnalytics from './messages/nl/analytics.json';
import nlAuth from './messages/nl/auth.json';
import nlCommon from './messages/nl/common.json';
import nlConversations from './messages/nl/conversations.json';
import nlCounter from './messages/nl/counter.json';
import nlCustomers from './messages/nl/customers.json';
import nlErrors from './messages/nl/errors.json';
import nlExperiments from './messages/nl/experiments.json';
import nlSearch from './messages/nl/search.json';
import nlReviews from './messages/nl/reviews.json';
import nlSatisfaction from './messages/nl/satisfaction.json';
import nlShop from './messages/nl/shop.json';
import nlValidation from './messages/nl/validation.json';

export const MESSAGES = {
  en: {
    common: enCommon,
    validation: enValidation,
    errors: enErrors,
    auth: enAuth,
    shop: enShop,
    search: enSearch,
    counter: enCounter,
    customers: enCustomers,
    admin: enAdmin,
    analytics: enAnalytics,
    conversations: enConversations,
    reviews: enReviews,
    experiments: enExperiments,
    satisfaction: enSatisfaction,
  },
  nl: {
    common: nlCommon,
    validation: nlValidation,
    errors: nlErrors,
    auth: nlAuth,
    shop: nlShop,
    search: nlSearch,
    counter: nlCounter,
    customers: nlCustomers,
    admin: nlAdmin,
    analytics: nlAnalytics,
    conversations: nlConversations,
    reviews: nlReviews,
    experiments: nlExperiments,
    satisfaction: nlSatisfaction,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['en'];
