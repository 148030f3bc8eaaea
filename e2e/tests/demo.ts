/** Demo accounts created by the API when started with `SEED_DEMO=true`. */
export const DEMO = {
  dealer: { loginId: 'demo-dealer', email: 'owner@demo-dealer.example', password: 'Demo!2026pass' },
  operator: { email: 'operator@example.com', password: 'Operator!2026' },
} as const;
