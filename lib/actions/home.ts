"use server";
// The home page's picks (core in ./core/home-picks.ts), editors only:
//   addHomePickAction     homePickInput  a published article into the next slot
//   moveHomePickAction    homeMoveInput  one place up or down
//   removeHomePickAction  homePickInput  out of the picks (its slot fills automatically)
import { perform, type FormState } from "./safe-action";
import { addHomePick, moveHomePick, removeHomePick } from "./core/home-picks";

export async function addHomePickAction(_p: FormState, form: FormData) {
  return perform(addHomePick, form);
}
export async function moveHomePickAction(_p: FormState, form: FormData) {
  return perform(moveHomePick, form);
}
export async function removeHomePickAction(_p: FormState, form: FormData) {
  return perform(removeHomePick, form);
}
