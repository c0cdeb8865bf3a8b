/** INT-2, SEC-1: the formats a contact number and a resident ID number must have. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

export const PHONE_FORMAT = "a mobile number (11 digits) or a landline such as 021-58881234";
export const ID_NUMBER_FORMAT = "18 characters: 17 digits and a digit or X";

export const isPhone = (value: string) => PHONE.test(value);
export const isIdNumber = (value: string) => ID_NUMBER.test(value);
