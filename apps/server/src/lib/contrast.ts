// The rule lives in the domain, so the backoffice warns about a colour with the very same numbers.
export { onColor, contrastRatio } from '@tribu/domain';
