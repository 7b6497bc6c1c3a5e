import { describe, expect, it } from 'vitest';
import { checkResourceFile, detectKind, safeFileName } from './file-type';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const EXE = bytes('MZ', [0x90, 0, 3, 0]);
const ODP = bytes('PK', [3, 4], new Array(26).fill(0), 'mimetypeapplication/vnd.oasis.opendocument.presentation');
const PPTX = bytes('PK', [3, 4], new Array(26).fill(0), '[Content_Types].xml', 'PK', [3, 4], 'ppt/presentation.xml');
const ZIP = bytes('PK', [3, 4], new Array(26).fill(0), 'notes.txt');

describe('the type of a resource, from its content', () => {
	it('recognises PDFs, images and slides by their first bytes', () => {
		expect(detectKind(PDF)?.code).toBe('pdf');
		expect(detectKind(PNG)?.code).toBe('png');
		expect(detectKind(JPEG)?.code).toBe('jpeg');
		expect(detectKind(bytes('GIF89a'))?.code).toBe('gif');
		expect(detectKind(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.code).toBe('webp');
		expect(detectKind(ODP)?.code).toBe('odp');
		expect(detectKind(PPTX)?.code).toBe('pptx');
		expect(detectKind(ZIP)).toBeNull();
	});

	it('accepts a file whose name says what it is', () => {
		expect(checkResourceFile('Programme #8.pdf', PDF)).toMatchObject({ ok: true, kind: { contentType: 'application/pdf' } });
		expect(checkResourceFile('photo.JPG', JPEG)).toMatchObject({ ok: true });
	});

	it('refuses a .pdf that is a PNG, in French, saying what it is', () => {
		expect(checkResourceFile('compte-rendu.pdf', PNG)).toEqual({
			ok: false,
			message: 'Ce fichier n’est pas un PDF comme son nom l’indique : son contenu est une image PNG. Renommez-le en .png ou choisissez le bon fichier.'
		});
	});

	it('refuses a program whatever its name', () => {
		const check = checkResourceFile('compte-rendu.pdf', EXE);
		expect(check.ok).toBe(false);
		expect(!check.ok && check.message).toMatch(/^Ce fichier est un programme Windows \(exécutable\), quel que soit son nom : il est refusé\./);
		expect(checkResourceFile('x.pdf', bytes('#!/bin/sh\nrm -rf /')).ok).toBe(false);
		expect(checkResourceFile('x.pdf', bytes('<svg onload=alert(1)>')).ok).toBe(false);
	});

	it('refuses what is no accepted type, an empty file, and one above 10 MB', () => {
		expect(checkResourceFile('notes.pdf', bytes('juste du texte'))).toMatchObject({ ok: false, message: expect.stringMatching(/^Le contenu de ce fichier n’est d’aucun type accepté/) });
		expect(checkResourceFile('vide.pdf', new Uint8Array(0))).toEqual({ ok: false, message: 'Le fichier est vide.' });
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(PDF);
		expect(checkResourceFile('gros.pdf', big).ok).toBe(false);
	});

	it('keeps file names safe for a header', () => {
		expect(safeFileName('C:\\Users\\x\\"compte"\r\nrendu.pdf')).toBe('compterendu.pdf');
		expect(safeFileName('')).toBe('ressource');
	});
});
