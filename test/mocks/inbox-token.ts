/** The inbox token the mocked provider hands back (a secret: tests look for it everywhere). */
export const MOCK_INBOX_TOKEN = 'itk_mock_5e3c9a1f7b2d4e6a';
