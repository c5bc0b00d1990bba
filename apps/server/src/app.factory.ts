import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { ErrorCode } from '@craftmatch/shared';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { Clock } from './common/clock';
import { AccessTokenService } from './common/access-token.service';
import { AllExceptionsFilter, mapError } from './common/exception.filter';
import { I18nService } from './common/i18n.service';
import { PinoNestLogger } from './common/pino-logger';
import type { AppRequest } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { replyJson } from './common/serialize-once';
import { AppIoAdapter } from './realtime/io.adapter';

/**
 * The headers a helmet middleware sets, recorded by running it once against a recording response. Its
 * middlewares read nothing of the request: each header is fixed by the options given to helmet.
 */
export function recordHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return [...headers];
}

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

export async function createApp({
  config,
  databaseUrl,
  clock,
  serveWeb = true,
}: CreateAppOptions): Promise<NestFastifyApplication> {
  // The security headers: helmet's, recorded once (every one is fixed by these options) and set on
  // each response in one loop, before the Nest pipeline, so that errors and 404s carry them too;
  // a refusal of the router comes before that hook, and gets them in frameworkErrors below. These are
  // the headers of the web app's pages; the API's answers get the shorter set below.
  const securityHeaders = recordHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.production ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      hsts: config.production,
    }),
  );
  // The API's answers (JSON, files, feeds) are never rendered by a browser as a page of the app: they get
  // the headers that protect such a response (OWASP REST Security Cheat Sheet): a CSP that allows
  // nothing and no framing, nosniff, no framing for old browsers, no referrer, same-origin only and HSTS.
  // The headers that only act on a page (COOP, Origin-Agent-Cluster, DNS prefetch, the IE and Flash
  // ones) are left out: the pages' whole set cost about a tenth of the CPU of the API's hottest read.
  const apiHeaders = recordHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: config.production,
    }),
  );
  /** The headers of an answer to `url`: the API's under /api, but for its documentation (a page: Swagger UI). */
  const headersFor = (url: string) =>
    url.startsWith('/api') &&
    (url.length === 4 || url[4] === '/' || url[4] === '?') &&
    !url.startsWith('/api/docs')
      ? apiHeaders
      : securityHeaders;
  // Router refusals (a path parameter too long or not decodable) answer like every other error: a
  // code and a message in the caller's language, through the filter made below.
  const errors: { filter?: AllExceptionsFilter } = {};
  const adapter = new FastifyAdapter({
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const mapped = mapError(error);
      const body = errors.filter?.body(mapped, request as unknown as AppRequest);
      for (const [name, value] of headersFor(request.url)) reply.header(name, value);
      void reply
        .status(mapped.status)
        .header('x-request-id', request.id)
        .header('content-type', 'application/json; charset=utf-8')
        .send(body);
    },
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    // One line per request, when it is answered (below), instead of Fastify's two: at level info the
    // second line cost about a fifth of the CPU of a small authenticated GET.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.production,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
  });
  // a cached answer (serializeOnce) is sent as the JSON it was serialised to once; the rest as before
  adapter.getInstance().setReplySerializer(replyJson);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, clock }),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(new PinoNestLogger(fastify.log));
  // one line per answered request at level info (its request id, method, URL, status and milliseconds);
  // below it, no hook at all. The fields are read straight off the request: through Fastify's req and res
  // serialisers (host, remote address and port) and the redaction of their output, the line took twice
  // the CPU (6% of a small authenticated GET's, against 3%; V8 profiles under bench:http)
  if (['trace', 'debug', 'info'].includes(config.logLevel)) {
    fastify.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
      done();
    });
  }

  app.setGlobalPrefix('api');
  const filter = new AllExceptionsFilter(app.get(I18nService), app.get(AccessTokenService));
  errors.filter = filter;
  app.useGlobalFilters(filter);
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: config.corsOrigin, credentials: true });

  // with the request id, which every response carries
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headersFor(request.url)) reply.raw.setHeader(name, value);
    reply.raw.setHeader('x-request-id', request.id);
    done();
  });
  await app.register(fastifyCookie);
  // Uploads: request.file() in controllers; a file over the limit fails with FST_REQ_FILE_TOO_LARGE.
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.fileMaxBytes, files: 8, fields: 20, parts: 30 },
  });

  const io = new AppIoAdapter(app, config);
  await io.connectRedis();
  app.useWebSocketAdapter(io);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CraftMatch API')
      .setDescription('B2B matchmaking for Vietnamese handicraft export fairs')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const index = join(config.webDist, 'index.html');
  const hasWeb = serveWeb && existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // The web build writes .br and .gz next to each text asset: sent to browsers that accept them.
      preCompressed: true,
      cacheControl: false,
      // Hashed file names never change content: cached for a year. Anything else is revalidated.
      setHeaders: (reply: FastifyReply, path: string) => {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const indexHtml = hasWeb ? readFileSync(index, 'utf8') : null;
  // Single-page app: every GET outside /api/ gets index.html; /api/ keeps its JSON 404s.
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/') || !indexHtml) {
      const body = filter.body({ status: 404, code: ErrorCode.ROUTE_NOT_FOUND }, request as AppRequest);
      return reply.status(404).header('content-type', 'application/json; charset=utf-8').send(body);
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  });

  await app.init();
  await fastify.ready();
  return app;
}
