#!/usr/bin/env node
// A small round-robin load balancer for several CraftMatch instances: HTTP and WebSocket, TLS optional,
// sticky sessions for socket.io, active health checks, no dependencies. For a real site nginx or HAProxy
// do the same job (see README.md, Deployment); this one is what the deployment test runs.
//
//   BACKENDS=127.0.0.1:3001,127.0.0.1:3002 LB_PORT=8443 TLS_CERT=cert.pem TLS_KEY=key.pem \
//     node deploy/load-balancer.mjs
//
// Environment:
//   BACKENDS            comma-separated host:port (or http://host:port) of the instances (required)
//   LB_PORT, LB_HOST    where to listen (8080, 0.0.0.0)
//   TLS_CERT, TLS_KEY   PEM files: serve HTTPS and WSS (X-Forwarded-Proto: https)
//   FORWARDED_PROTO     the scheme to announce without TLS_CERT, when TLS ends in front of this balancer
//   STICKY_COOKIE       cookie that pins a socket.io session to one instance (cm_upstream; "" = off)
//   WEBSOCKET_ONLY=1    socket.io over WebSocket only: long-polling refused, no cookie needed
//   HEALTH_PATH         checked on every instance (/api/health); HEALTH_INTERVAL_MS (2000)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const env = process.env;
const SOCKET_PREFIX = '/socket.io/';
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function parseBackend(spec) {
  const url = new URL(spec.includes('://') ? spec : `http://${spec}`);
  const host = url.hostname;
  const port = Number(url.port || 80);
  // The cookie names an instance by a hash of its address, so adding or removing instances
  // leaves the other sessions where they are.
  const id = createHash('sha256').update(`${host}:${port}`).digest('hex').slice(0, 12);
  return { host, port, id, up: true, label: `${host}:${port}` };
}

const backends = (env.BACKENDS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map(parseBackend);
if (backends.length === 0) {
  console.error('BACKENDS is required, e.g. BACKENDS=127.0.0.1:3001,127.0.0.1:3002');
  process.exit(78);
}
const tls = env.TLS_CERT && env.TLS_KEY;
const proto = tls ? 'https' : (env.FORWARDED_PROTO ?? 'http');
const websocketOnly = ['1', 'true', 'yes'].includes(env.WEBSOCKET_ONLY ?? '');
const stickyCookie = websocketOnly ? '' : (env.STICKY_COOKIE ?? 'cm_upstream');
const healthPath = env.HEALTH_PATH ?? '/api/health';
const healthInterval = Number(env.HEALTH_INTERVAL_MS ?? 2000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

let next = 0;
/** The next healthy instance after the last one used, skipping `except`. */
function roundRobin(except = new Set()) {
  for (let i = 0; i < backends.length; i++) {
    const b = backends[(next + i) % backends.length];
    if (b.up && !except.has(b)) {
      next = (next + i + 1) % backends.length;
      return b;
    }
  }
  return null;
}

function cookieValue(header, name) {
  if (!name || !header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** The instance a socket.io request is pinned to, when it is healthy. */
function pinned(req) {
  if (!stickyCookie || !req.url.startsWith(SOCKET_PREFIX)) return null;
  const id = cookieValue(req.headers.cookie, stickyCookie);
  return backends.find((b) => b.id === id && b.up) ?? null;
}

function markDown(backend, reason) {
  if (!backend.up) return;
  backend.up = false;
  console.warn(`[lb] ${backend.label} down: ${reason}`);
}

/** Headers for the instance: the client's address and scheme replace whatever the client claimed. */
function forwardHeaders(req) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(k) && !k.startsWith('x-forwarded-')) headers[k] = v;
  }
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = proto;
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  return headers;
}

function stickyHeader(backend) {
  const secure = proto === 'https' ? '; Secure' : '';
  return `${stickyCookie}=${backend.id}; Path=${SOCKET_PREFIX}; HttpOnly; SameSite=Lax${secure}`;
}

function handleRequest(req, res) {
  if (websocketOnly && req.url.startsWith(SOCKET_PREFIX)) {
    // A WebSocket arrives as an upgrade (handleUpgrade); anything else here is long-polling.
    res.writeHead(400, { 'content-type': 'text/plain' }).end('socket.io: WebSocket only\n');
    return;
  }
  const sticky = pinned(req);
  const tried = new Set();
  const attempt = (backend) => {
    if (!backend) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('No instance available\n');
      return;
    }
    tried.add(backend);
    const upstream = http.request({
      host: backend.host,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers: forwardHeaders(req),
      agent,
    });
    let sent = false;
    const send = () => {
      sent = true;
      req.pipe(upstream);
    };
    // The body is read only once the instance accepted the connection, so a refused connection
    // can move to the next instance with the request untouched.
    upstream.on('socket', (socket) => (socket.connecting ? socket.once('connect', send) : send()));
    upstream.on('response', (answer) => {
      const headers = { ...answer.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      if (stickyCookie && req.url.startsWith(SOCKET_PREFIX) && sticky !== backend) {
        const existing = headers['set-cookie'] ?? [];
        headers['set-cookie'] = [...existing, stickyHeader(backend)];
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!sent) {
        markDown(backend, error.code ?? error.message);
        attempt(roundRobin(tried));
        return;
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway\n');
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
  };
  attempt(sticky ?? roundRobin());
}

function handleUpgrade(req, client, head) {
  const tried = new Set();
  const attempt = (backend) => {
    if (!backend) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
      return;
    }
    tried.add(backend);
    const upstream = net.connect(backend.port, backend.host);
    upstream.once('connect', () => {
      const headers = forwardHeaders(req);
      headers.connection = 'Upgrade';
      headers.upgrade = req.headers.upgrade;
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (const [k, v] of Object.entries(headers)) {
        for (const value of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${value}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head?.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.once('error', (error) => {
      if (upstream.bytesWritten === 0) {
        markDown(backend, error.code ?? error.message);
        attempt(roundRobin(tried));
      } else client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  attempt(pinned(req) ?? roundRobin());
}

function checkHealth(backend) {
  const probe = http.get(
    { host: backend.host, port: backend.port, path: healthPath, timeout: 3000, agent: false },
    (res) => {
      res.resume();
      if (res.statusCode === 200) {
        if (!backend.up) console.warn(`[lb] ${backend.label} up`);
        backend.up = true;
      } else markDown(backend, `health ${res.statusCode}`);
    },
  );
  probe.on('timeout', () => probe.destroy(new Error('health check timed out')));
  probe.on('error', (error) => markDown(backend, error.code ?? error.message));
}

const server = tls
  ? https.createServer({ cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) }, handleRequest)
  : http.createServer(handleRequest);
server.on('upgrade', handleUpgrade);
server.on('clientError', (_error, socket) => socket.destroy());

const timer = setInterval(() => backends.forEach(checkHealth), healthInterval);
backends.forEach(checkHealth);

const port = Number(env.LB_PORT ?? 8080);
const mode = websocketOnly
  ? 'socket.io WebSocket only'
  : stickyCookie
    ? `sticky ${stickyCookie}`
    : 'no sticky';
server.listen(port, env.LB_HOST ?? '0.0.0.0', () => {
  const { port: bound } = server.address();
  const targets = backends.map((b) => `${b.label} (${b.id})`).join(', ');
  console.log(`[lb] listening on ${proto}://${env.LB_HOST ?? '0.0.0.0'}:${bound} → ${targets}; ${mode}`);
});

function stop() {
  clearInterval(timer);
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
