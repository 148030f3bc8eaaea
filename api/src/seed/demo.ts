/** Demo logins printed at start and documented in README.md (development only). */
export const DEMO = {
  password: 'Demo!2026pass',
  primary: {
    loginId: 'demo-dealer',
    companyName: 'Sakura Security Co., Ltd.',
    phone: '03-1234-5678',
    owner: { email: 'owner@demo-dealer.example', name: 'Haruka Sato' },
    manager: { email: 'manager@demo-dealer.example', name: 'Kenji Ito' },
  },
  secondary: {
    loginId: 'demo-sub',
    companyName: 'Minato Camera Service',
    phone: '06-2345-6789',
    owner: { email: 'owner@demo-sub.example', name: 'Yui Tanaka' },
  },
  customers: [
    { email: 'customer@demo.example', name: 'Aoba Bakery', language: 'ja', timeZone: 'Asia/Tokyo' },
    { email: 'store@demo.example', name: 'Kita Pharmacy', language: 'ja', timeZone: 'Asia/Tokyo' },
    { email: 'office@demo.example', name: 'Harbor Logistics', language: 'en', timeZone: 'Asia/Tokyo' },
  ],
  /**
   * Licenses the primary dealer sold before the demo starts (not taken from the stock above): two
   * of the first customer's end within 90 days of the first start, so the expiring lists, the
   * dashboard's chart and the reminders have something to show.
   */
  sold: [{ customer: 'customer@demo.example', sku: 'EDGE-12M', quantity: 2, endingWithinDays: 60 }],
  /** Licenses in stock per SKU code. */
  stock: {
    primary: { 'EDGE-12M': 20, 'EDGE-36M': 5, 'DIRECT-12M': 5 },
    secondary: { 'EDGE-12M': 5 },
  },
  skus: [
    {
      code: 'EDGE-12M',
      nameJa: 'エッジ録画ライセンス 1年',
      nameEn: 'Edge recording license, 1 year',
      kind: 'edge',
      termMonths: 12,
      prices: [9_000, 10_800, 12_000],
    },
    {
      code: 'EDGE-36M',
      nameJa: 'エッジ録画ライセンス 3年',
      nameEn: 'Edge recording license, 3 years',
      kind: 'edge',
      termMonths: 36,
      prices: [24_000, 28_800, 32_000],
    },
    {
      code: 'EDGE-60M',
      nameJa: 'エッジ録画ライセンス 5年',
      nameEn: 'Edge recording license, 5 years',
      kind: 'edge',
      termMonths: 60,
      prices: [37_500, 45_000, 50_000],
    },
    {
      code: 'DIRECT-12M',
      nameJa: 'カメラ直結ライセンス 1年',
      nameEn: 'Camera-direct license, 1 year',
      kind: 'direct',
      termMonths: 12,
      prices: [12_000, 14_400, 16_000],
    },
    {
      code: 'DIRECT-36M',
      nameJa: 'カメラ直結ライセンス 3年',
      nameEn: 'Camera-direct license, 3 years',
      kind: 'direct',
      termMonths: 36,
      prices: [32_000, 38_400, 42_700],
    },
    {
      code: 'DIRECT-60M',
      nameJa: 'カメラ直結ライセンス 5年',
      nameEn: 'Camera-direct license, 5 years',
      kind: 'direct',
      termMonths: 60,
      prices: [50_000, 60_000, 66_700],
    },
  ],
} as const;
