/** Registers every element once: `import 'sms-elements/define'`. */
import './elements/sms-provider/sms-provider.js';
import './elements/sms-composer/sms-composer.js';
import './elements/number-picker/number-picker.js';
import './elements/sms-thread/sms-thread.js';
import './elements/sms-inbox/sms-inbox.js';
