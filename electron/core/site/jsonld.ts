import type { PublishedThread } from '../../shared/curation/model.ts';
import { trusted } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';

// schema.org structured data as a JSON-LD data block. A data block is not executed (the CSP's script-src does not
// apply to it); every character that could end the element or confuse an HTML parser is escaped inside the JSON.

export function jsonLdBlock(value: unknown): TrustedHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return trusted(`<script type="application/ld+json">${json}</script>`);
}

export function organizationLd(name: string, url: string | null): Record<string, unknown> {
  return url ? { '@type': 'Organization', name, url } : { '@type': 'Organization', name };
}

export function organizationJsonLd(name: string, url: string | null): TrustedHtml {
  return jsonLdBlock({ '@context': 'https://schema.org', ...organizationLd(name, url) });
}

/** A rated thread is a Review of the organisation; the company's first public reply is a Comment on it. */
export function reviewJsonLd(t: PublishedThread, organisation: string, orgUrl: string | null, pageUrl: string | null): TrustedHtml | null {
  if (t.rating === null) return null;
  const customerText = t.messages.filter((m) => m.role === 'customer').map((m) => m.body).join('\n\n');
  const reply = t.messages.find((m) => m.role === 'staff');
  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Review',
    itemReviewed: organizationLd(organisation, orgUrl),
    reviewRating: { '@type': 'Rating', ratingValue: t.rating, bestRating: 5, worstRating: 1 },
    author: { '@type': 'Person', name: t.customer },
    datePublished: t.openedAt.slice(0, 10),
    reviewBody: customerText,
  };
  if (t.subject) review.name = t.subject;
  if (pageUrl) review.url = pageUrl;
  if (reply) {
    review.comment = [{
      '@type': 'Comment',
      text: reply.body,
      author: organizationLd(organisation, orgUrl),
      dateCreated: reply.sentAt,
    }];
  }
  return jsonLdBlock(review);
}
