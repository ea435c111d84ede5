// domMax, not domAnimation: layout and layoutId (objects moving between places) need it.
import { domMax } from 'motion/react';

export default domMax;
