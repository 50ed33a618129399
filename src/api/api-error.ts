/**
 * One error handler for the whole API: every error becomes `{statusCode, code, error, message}`
 * with a catalogue code. Validation errors name the offending field; body-parser errors (size,
 * media type, broken JSON) get their `PARLEY_API_*` code; a library's or driver's message is never
 * forwarded — the client gets the catalogue text and a request id, the log gets the cause.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, formatMessage, isParleyError, ParleyError } from '../errors.js';
import type { ErrorCode } from '../errors.js';

export interface ErrorPayload {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  field?: string;
}

/** The payload of a catalogued error. */
export function payloadOf(code: ErrorCode, details: Record<string, unknown>, field?: string): ErrorPayload {
  const status = ERRORS[code].status;
  const p: ErrorPayload = {
    statusCode: status,
    code,
    error: STATUS_CODES[status] ?? 'Error',
    message: formatMessage(ERRORS[code].message, details),
  };
  if (field !== undefined) p.field = field;
  return p;
}

/** A 400 about one parameter or body field. */
export function badRequest(where: string, field: string, why: string): ParleyError {
  return new ParleyError('PARLEY_API_BAD_REQUEST', { where, field, why });
}

const WHERE: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body field',
  headers: 'header',
};

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The field and reason of the first validation error. */
function describeValidation(errors: AjvError[], context: string): { field: string; why: string } {
  const e = errors[0];
  // "/0/text" → "[0].text"
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('');
  if (e.keyword === 'additionalProperties') {
    const extra = String(e.params.additionalProperty);
    return { field: path ? `${path}.${extra}` : extra, why: `is not a ${WHERE[context] ?? 'field'} of this route` };
  }
  if (e.keyword === 'required') {
    const missing = String(e.params.missingProperty);
    return { field: path ? `${path}.${missing}` : missing, why: 'is required' };
  }
  if (e.keyword === 'enum') {
    return { field: path || context, why: `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}` };
  }
  if (e.keyword === 'pattern') return { field: path || context, why: 'is not in the expected form' };
  return { field: path || context, why: e.message ?? 'is not valid' };
}

/** Server-side errors whose message holds nothing private (no paths, no driver text). */
const FORWARDED_5XX = new Set<ErrorCode>(['PARLEY_API_NO_DASHBOARD']);

/** Turn any error into a catalogued one, with the field for a 400 and whether to log its cause. */
export interface RequestFacts {
  bodyLimit?: number;
  contentType?: string;
}

export function classify(err: unknown, requestId: string, facts: RequestFacts = {}): { payload: ErrorPayload; log: boolean } {
  const bodyLimit = facts.bodyLimit;
  if (isParleyError(err)) {
    if (err.status >= 500 && !FORWARDED_5XX.has(err.code)) {
      // Driver or file details stay in the log.
      const p = payloadOf('PARLEY_API_INTERNAL', { requestId });
      return { payload: { ...p, code: err.code, statusCode: err.status, error: STATUS_CODES[err.status] ?? 'Error' }, log: true };
    }
    const field = err.code === 'PARLEY_API_BAD_REQUEST' ? String(err.details.field) : undefined;
    return { payload: { ...payloadOf(err.code, err.details, field), message: err.text }, log: false };
  }
  const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (Array.isArray(fe.validation) && fe.validation.length > 0) {
    const context = fe.validationContext ?? 'querystring';
    const { field, why } = describeValidation(fe.validation, context);
    return { payload: payloadOf('PARLEY_API_BAD_REQUEST', { where: WHERE[context] ?? context, field, why }, field), log: false };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { payload: payloadOf('PARLEY_API_BODY_TOO_LARGE', { limit: bodyLimit ?? 'the limit' }), log: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        payload: payloadOf('PARLEY_API_UNSUPPORTED_MEDIA_TYPE', { type: (facts.contentType ?? '(none)').replace(/[^\x20-\x7e]/g, '?').slice(0, 100) }),
        log: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { payload: payloadOf('PARLEY_API_BAD_BODY', { why: 'it is empty' }), log: false };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { payload: payloadOf('PARLEY_API_BAD_BODY', { why: 'its length does not match Content-Length' }), log: false };
    case 'FST_ERR_BAD_URL':
      return { payload: payloadOf('PARLEY_API_BAD_REQUEST', { where: 'URL', field: 'path', why: 'is not a valid URL' }, 'path'), log: false };
    default:
      break;
  }
  if (err instanceof SyntaxError || fe.statusCode === 400) {
    return { payload: payloadOf('PARLEY_API_BAD_BODY', { why: 'it is not valid JSON' }), log: false };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode === 413) {
    return { payload: payloadOf('PARLEY_API_BODY_TOO_LARGE', { limit: bodyLimit ?? 'the limit' }), log: false };
  }
  return { payload: payloadOf('PARLEY_API_INTERNAL', { requestId }), log: true };
}

/** The error handler of the root instance. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const { payload, log } = classify(err, req.id, { bodyLimit: req.routeOptions?.bodyLimit, contentType: req.headers['content-type'] });
  if (log) req.log.error({ err, cause: (err as { cause?: unknown }).cause }, `request failed: ${payload.code}`);
  else req.log.info({ code: payload.code, field: payload.field }, payload.message);
  reply.code(payload.statusCode).type('application/json; charset=utf-8').send(payload);
}

/** 404 for unknown routes. */
export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  const url = req.url.length > 200 ? `${req.url.slice(0, 200)}…` : req.url;
  reply.code(404).type('application/json; charset=utf-8').send(payloadOf('PARLEY_API_NOT_FOUND', { method: req.method, url }));
}
