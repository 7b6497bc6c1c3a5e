import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import type { DB } from '../db/connect';
import * as outbox from '../db/queries/outbox';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** Files joined to the message (a registration's `.ics`); the outbox keeps them in its raw MIME copy. */
	attachments?: { filename: string; content: string; contentType: string }[];
}

let smtp: Transporter | null = null;
// The stream transport builds the real MIME message (what SMTP would carry) without sending it.
const local = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

export function usesLocalOutbox(): boolean {
	return !config.smtpUrl;
}

/**
 * Sends through SMTP when `SMTP_URL` is set; otherwise writes the message to the `outbox`
 * table, which development and the tests read.
 */
export async function sendMail(db: DB, mail: Mail, now = new Date()): Promise<void> {
	const message = { from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments };
	if (config.smtpUrl) {
		smtp ??= nodemailer.createTransport(config.smtpUrl);
		await smtp.sendMail(message);
		return;
	}
	const info = await local.sendMail(message);
	await outbox.add(db, {
		createdAt: now.toISOString(),
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		raw: (info.message as Buffer).toString('utf8')
	});
}

/** Mail must never undo a committed change: a failed send is logged and reported, not thrown. */
export async function sendMailSafely(db: DB, mail: Mail): Promise<boolean> {
	try {
		await sendMail(db, mail);
		return true;
	} catch (error) {
		console.error('Envoi de courriel impossible', error);
		return false;
	}
}
