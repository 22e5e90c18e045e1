/* ident.c - GB 32100 / GB 11714 / GB 11643 check characters. See ident.h. */
#include "core/ident.h"

#include <string.h>

static const int ident_orgcode_weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
static const int ident_cnid_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
static const char ident_cnid_checks[11] = "10X98765432";

int ident_uscc_char_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(IDENT_USCC_ALPHABET, c);
	return p ? (int)(p - IDENT_USCC_ALPHABET) : -1;
}

/* GB 11714 values: digits 0-9, letters A-Z 10-35. */
static int ident_orgcode_char_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return -1;
}

char ident_orgcode_check_char(const char *first8)
{
	int sum = 0, c;

	for (int i = 0; i < 8; i++) {
		int v = ident_orgcode_char_value(first8[i]);
		if (v < 0)
			return '\0';
		sum += v * ident_orgcode_weights[i];
	}
	c = 11 - sum % 11;
	if (c == 10)
		return 'X';
	if (c == 11)
		return '0';
	return (char)('0' + c);
}

char ident_uscc_check_char(const char *first17)
{
	int sum = 0, weight = 1, c;

	for (int i = 0; i < 17; i++) {
		int v = ident_uscc_char_value(first17[i]);
		if (v < 0)
			return '\0';
		sum += v * weight;
		weight = weight * 3 % 31;
	}
	c = 31 - sum % 31;
	if (c == 31)
		c = 0;
	return IDENT_USCC_ALPHABET[c];
}

int ident_uscc_valid(const char *s)
{
	if (!s || strlen(s) != IDENT_USCC_LEN)
		return 0;
	for (int i = 0; i < IDENT_USCC_LEN; i++)
		if (ident_uscc_char_value(s[i]) < 0)
			return 0;
	for (int i = 2; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	if (ident_orgcode_check_char(s + 8) != s[16])
		return 0;
	return ident_uscc_check_char(s) == s[17];
}

int ident_uscc_build(char out[IDENT_USCC_LEN + 1], char authority, char kind, const char *division6,
		     const char *org_body8, struct err *e)
{
	char check;

	out[0] = '\0';
	if (ident_uscc_char_value(authority) < 0 || ident_uscc_char_value(kind) < 0)
		return err_set(e, ERR_INPUT,
			       "credit code: authority '%c' or type '%c' is not a code character",
			       authority ? authority : '?', kind ? kind : '?');
	if (!division6 || strlen(division6) != 6 || strspn(division6, "0123456789") != 6)
		return err_set(e, ERR_INPUT, "credit code: division '%s' is not 6 digits",
			       division6 ? division6 : "");
	if (!org_body8 || strlen(org_body8) != 8)
		return err_set(e, ERR_INPUT,
			       "credit code: organisation code '%s' is not 8 characters",
			       org_body8 ? org_body8 : "");
	for (int i = 0; i < 8; i++)
		if (ident_uscc_char_value(org_body8[i]) < 0)
			return err_set(e, ERR_INPUT,
				       "credit code: organisation code '%s' has a character "
				       "outside 0-9 A-H J-N P-R T-U W-Y",
				       org_body8);
	out[0] = authority;
	out[1] = kind;
	memcpy(out + 2, division6, 6);
	memcpy(out + 8, org_body8, 8);
	check = ident_orgcode_check_char(org_body8);
	/* GB 11714 may give 'X' or a digit: both are in the 31-character set */
	out[16] = check;
	out[17] = ident_uscc_check_char(out);
	out[18] = '\0';
	return 0;
}

char ident_cnid_check_char(const char *first17)
{
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return '\0';
		sum += (first17[i] - '0') * ident_cnid_weights[i];
	}
	return ident_cnid_checks[sum % 11];
}

static int ident_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int ident_date_valid(int year, int month, int day)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap, max;

	if (year < 1800 || year > 2099 || month < 1 || month > 12 || day < 1)
		return 0;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	max = days[month - 1] + (month == 2 && leap);
	return day <= max;
}

int ident_cnid_valid(const char *s)
{
	char check;

	if (!s || strlen(s) != IDENT_CNID_LEN)
		return 0;
	check = ident_cnid_check_char(s);
	if (check == '\0' || check != s[17])
		return 0;
	return ident_date_valid(ident_digits(s + 6, 4), ident_digits(s + 10, 2),
				ident_digits(s + 12, 2));
}
