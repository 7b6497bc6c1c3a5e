/**
 * A request written by hand (node:http), for what fetch cannot do: declare a Content-Length and
 * send only part of the body, or stream a body with no length, and see whether the server answers
 * before the body has arrived.
 */
import { request } from 'node:http';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** Bytes of the body written before the answer came. */
	sent: number;
}

export interface RawRequest {
	method?: string;
	headers: Record<string, string>;
	/** Written first (for a multipart's preamble, a form's fields). */
	head?: string;
	/** Then this many filler bytes, in chunks, unless the server has already answered. */
	fill: number;
	/** Content-Length to declare; none means a chunked body. */
	declaredLength?: number;
	/** Give up (and fail) after this long without an answer. */
	timeoutMs?: number;
}

export function rawRequest(url: string, options: RawRequest): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { ...options.headers };
		if (options.declaredLength !== undefined) headers['content-length'] = String(options.declaredLength);
		else headers['transfer-encoding'] = 'chunked';
		const req = request(url, { method: options.method ?? 'POST', headers });
		let sent = 0;
		let answered = false;
		const timer = setTimeout(() => {
			req.destroy();
			reject(new Error(`pas de réponse après ${options.timeoutMs ?? 10_000} ms (${sent} octets envoyés)`));
		}, options.timeoutMs ?? 10_000);
		req.on('response', (res) => {
			answered = true;
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				clearTimeout(timer);
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), sent });
				req.destroy();
			});
		});
		// The server may close the connection once it has answered: that is the point, not a failure.
		req.on('error', (error) => {
			if (!answered) {
				clearTimeout(timer);
				reject(error);
			}
		});
		if (options.head) {
			req.write(options.head);
			sent += Buffer.byteLength(options.head);
		}
		const chunk = Buffer.alloc(64 * 1024, 'a');
		const pump = () => {
			if (answered || req.destroyed) return;
			if (sent >= (options.head ? Buffer.byteLength(options.head) : 0) + options.fill) return; // never end: an honest client would, a slow attacker does not
			req.write(chunk, () => {
				sent += chunk.length;
				setTimeout(pump, 5);
			});
		};
		pump();
	});
}
