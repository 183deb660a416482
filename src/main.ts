/** Entry point of every npm script: the command line lives in cli/. */
import './cli/main';
