/**
 * CSV cells that a spreadsheet would run as formulas (OWASP « CSV injection »): Excel, LibreOffice
 * and Google Sheets read a cell starting with `=`, `+`, `-` or `@` (and, in some versions, a tab or
 * a carriage return before one of them) as a formula, so a description such as
 * `=HYPERLINK("https://…";"Cliquez")` or `@SUM(…)|cmd…` typed into a listing would run on the
 * planner's machine. Such a cell gets a leading apostrophe, which spreadsheets hide and read as
 * « this is text ». Only the CSV files do this: JSON and GeoJSON are read by programs, which get
 * the text exactly as it was typed.
 *
 * A sign followed only by digits, spaces, dots, commas and parentheses is left alone: it cannot
 * call a function or name a cell (both need letters), and it is what negative numbers and the
 * national schema's phone numbers (`+33320…`) look like; prefixing them would break both.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
const SIGNED_NUMBER = /^[+-][\d .,()]*\d[\d .,()]*$/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}
