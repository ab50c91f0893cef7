// Property tests run with a fixed seed so a CI run is repeatable; set FC_RANDOM=1 to explore new
// cases (a failure prints its seed and path, which reproduce it).
import fc from 'fast-check';

if (!process.env.FC_RANDOM) fc.configureGlobal({ seed: 20261126 });
