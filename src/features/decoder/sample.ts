/**
 * The example token behind "Try an example": HS256, signed with `sampleSecret`, expiring in
 * 2100 so it stays readable for years (the audit will rightly call its lifetime long).
 */
export const sampleSecret = 'tokenscope-sample-secret-change-me!';
export const sampleToken =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSIsImVtYWlsIjoiYWRhQGV4YW1wbGUuY29tIiwicm9sZXMiOlsiYWRtaW4iXSwiaXNzIjoiaHR0cHM6Ly9hdXRoLmV4YW1wbGUuY29tIiwiYXVkIjoiYXBpLmV4YW1wbGUuY29tIiwiaWF0IjoxNzYzOTAwMDAwLCJleHAiOjQxMDI0NDQ4MDB9.x6ZUpPoS8KqGU1r699UjQ8o05MvcYsk-ol5igUDpQiU';
