import * as http from 'node:http';
import type { Duplex } from 'node:stream';

/** Headers of every answer: never cached, readable from a page of any origin. */
export const COMMON = { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };

export function answer(res: http.ServerResponse, status: number, body: string, type = 'application/json', extra: http.OutgoingHttpHeaders = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...COMMON, 'Content-Type': type, ...extra });
  res.end(body);
}

/** An error answer: `{"error": reason}`. */
export function problem(res: http.ServerResponse, status: number, reason: string): void {
  answer(res, status, JSON.stringify({ error: reason }));
}

/** Refuses a WebSocket upgrade with an HTTP error answer. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: reason });
  const headers = { ...COMMON, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`);
}
