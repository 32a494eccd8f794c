export { disciplineRegister } from './discipline';
export { documentStatRegister } from './document-stats';
export { dossierRegister } from './dossiers';
export { feedbackRegister } from './feedback';
export { officialRegister } from './officials';
export { procedureRegister } from './procedures';
export { reportRegister } from './reports';
