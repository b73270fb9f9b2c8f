/** Id of the `sources` entry that values calibrated by `flashpoints calibrate crisis` cite. */
export const CALIBRATION_SOURCE_ID = 'crisis-calibration';
