/** The page a village opens to onboard itself; the code is prefilled from `?code=`. */
export const onboardingLink = (code: string) =>
  `${window.location.origin}/onboarding?code=${encodeURIComponent(code)}`;
