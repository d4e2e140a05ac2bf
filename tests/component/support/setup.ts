import { configure } from '@testing-library/svelte';

// `findBy…` and `waitFor` wait up to 1 s by default. The machines these tests run on have two
// cores, often shared with a build or the end-to-end suite; a lazily loaded chunk can take longer
// than that to arrive there. A wait that passes still returns as soon as its condition holds.
configure({ asyncUtilTimeout: 5000 });
