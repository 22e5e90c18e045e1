/* ident.h - check characters of Chinese identifiers.
 *
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18
 * characters from the 31-character alphabet 0-9 A-H J-N P-R T-U W-Y (no I,
 * O, S, V, Z):
 *   1      registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y other)
 *   2      organisation type under that authority (9: 1 企业, 2 个体工商户,
 *          3 农民专业合作社)
 *   3-8    administrative division code of the registering authority
 *   9-17   organisation code (GB 11714): 8 characters and a check character
 *          (weights 3 7 9 10 5 8 4 2, mod 11; 10 is 'X', 11 is '0')
 *   18     check character over 1-17: weights 3^i mod 31, C = 31 - (sum mod
 *          31), 31 becoming 0, written with the alphabet above.
 * The standard's worked example is 91350100M000100Y43.
 *
 * 公民身份号码 (citizen identity number, GB 11643-1999): 6-digit division,
 * 8-digit birth date YYYYMMDD, 3-digit sequence, check character by ISO
 * 7064 MOD 11-2 ('X' for 10). Example: 11010519491231002X.
 *
 * Validators return 1 or 0 and never touch errno; they accept only upper
 * case, as the standards write the codes. libc only. */
#ifndef TVET_IDENT_H
#define TVET_IDENT_H

#include "core/err.h"

/* The 31 characters a 统一社会信用代码 may contain, in value order. */
#define IDENT_USCC_ALPHABET "0123456789ABCDEFGHJKLMNPQRTUWXY"
#define IDENT_USCC_LEN 18
#define IDENT_CNID_LEN 18

/* Value 0..30 of c in IDENT_USCC_ALPHABET, or -1. */
int ident_uscc_char_value(char c);

/* The GB 11714 check character for the first 8 characters of an
 * organisation code (digits and upper-case letters A-Z valued 10-35), or
 * '\0' when they are not 8 such characters. */
char ident_orgcode_check_char(const char *first8);

/* The GB 32100 check character (position 18) for the first 17 characters
 * of a 统一社会信用代码, or '\0' when those are not 17 alphabet characters. */
char ident_uscc_check_char(const char *first17);

/* 1 when s is a valid 统一社会信用代码: exactly 18 alphabet characters,
 * positions 3-8 digits, a correct GB 11714 check character at position 17
 * and a correct GB 32100 check character at position 18. */
int ident_uscc_valid(const char *s);

/* Build a valid code into out (19 bytes with the NUL) from its parts:
 * authority and kind characters, a 6-digit division code and the 8-character
 * body of the organisation code; both check characters are computed.
 * Returns 0, or ERR_INPUT (detail in e) when a part has the wrong length or
 * a character outside the alphabet. */
int ident_uscc_build(char out[IDENT_USCC_LEN + 1], char authority, char kind, const char *division6,
		     const char *org_body8, struct err *e) WUR;

/* The GB 11643 check character ('0'-'9' or 'X') for the first 17 digits of
 * an identity number, or '\0' when they are not 17 digits. */
char ident_cnid_check_char(const char *first17);

/* 1 when s is a valid 18-character identity number: 17 digits, a correct
 * check character (upper-case 'X' for 10) and a real calendar date between
 * 1800-01-01 and 2099-12-31 in positions 7-14 (the standard's own
 * example, 440524188001010014, was born in 1880). */
int ident_cnid_valid(const char *s);

#endif
