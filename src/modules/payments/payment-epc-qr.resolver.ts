import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { systemClock } from '../../access/audit';
import type { RequestContext } from '../../context/request-context';
import { Loaders } from '../../context/loaders';
import { epcPayload, epcPng, epcSvg, FormatError } from '../../formats/epc-qr';
import { fitSepaLength, toSepaText } from '../../formats/sepa-text';
import { DateTimeScalar } from '../../graphql/scalars';
import { amountToPay } from '../open-items/amount-to-pay';
import { notBeforeToday } from '../open-items/payment-day';
import { remittanceOf } from '../open-items/remittance';
import { Payment } from './payment.entity';
import { PaymentMethod, PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';

const DOCS = {
  code: 'EPC QR code (EPC069-12 "SEPA QR", version 002, UTF-8) to pay a payment by scanning it in a banking app.',
  payload: 'The payload: BCD, 002, 1, SCT, BIC, name, IBAN, EUR amount, purpose, reference or text; lines joined by LF.',
  epcQr: 'EPC QR code paying this payment by SEPA credit transfer; an error says why a payment cannot be paid so.',
};

@ObjectType({ description: DOCS.code })
export class EpcQrCode {
  @Field(() => String, { description: DOCS.payload })
  declare payload: string;
}

/** Most characters of the beneficiary name in an EPC QR code (EPC069-12 field 6). */
const EPC_NAME_MAX = 70;
const PAY_ON_DOC = 'Day the payer pays (default today; not before today): decides whether the cash discount still applies.';

/**
 * `payment.epcQr(payOn) { payload svg png }`: the QR code paying the supplier what the payment
 * pays on the day the money leaves (`payOn`, default today, never a day that has passed): AmountDC,
 * minus the discount until DiscountDueDate. Names and text are cut to their limits as the SEPA
 * character set counts them, because the payer's bank converts them into it. A payment SEPA credit
 * transfer cannot carry gets BAD_USER_INPUT naming `epcQr` and why.
 */
@Resolver(() => Payment)
export class PaymentEpcQrResolver {
  @FieldResolver(() => EpcQrCode, { nullable: true, description: DOCS.epcQr })
  async epcQr(
    @Root() p: Payment,
    @Arg('payOn', () => DateTimeScalar, { nullable: true, description: PAY_ON_DOC }) payOn: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EpcQrCode> {
    const now = systemClock();
    const day = notBeforeToday(payOn ?? now, now, 'payOn');
    const refuse = (why: string) =>
      ruleError(PaymentRule.NOT_SEPA_PAYABLE, 'epcQr', `payment ${p.id} cannot be paid by SEPA credit transfer: ${why}`, { id: p.id });
    if (p.status >= PaymentStatus.PROCESSED) throw refuse(`it is already ${PaymentStatus[p.status].toLowerCase()} (Status ${p.status})`);
    if (p.paymentMethod !== PaymentMethod.ON_CREDIT) throw refuse(`payment method ${p.paymentMethod} is not a credit transfer (B)`);
    if (!p.accountBankAccountID) throw refuse('it has no supplier bank account (AccountBankAccountID)');
    const [bank, account] = await Promise.all([
      ctx.loaders.by('BankAccounts', 'ID').load(Loaders.key(p.divisionCode, p.accountBankAccountID)),
      ctx.loaders.by('Accounts', 'ID').load(Loaders.key(p.divisionCode, p.accountID)),
    ]);
    if (!bank) throw refuse('its supplier bank account was not found');
    const remittance = remittanceOf(p);
    // The first name the SEPA set can carry: the payer's bank converts it.
    const names = [bank.bankAccountHolderName, account?.name].map((n) => String(n ?? ''));
    try {
      return {
        payload: epcPayload({
          version: '002',
          bic: bank.bic as string | null,
          beneficiaryName: fitSepaLength(names.find((n) => toSepaText(n) !== '') ?? '', EPC_NAME_MAX),
          iban: String(bank.bankAccount).replace(/\s+/g, ''),
          amount: amountToPay(p, day).toFixed(2),
          currency: p.currency,
          structuredReference: remittance.structuredReference,
          text: remittance.remittanceText,
        }),
      };
    } catch (error) {
      if (error instanceof FormatError) throw refuse(error.message);
      throw error;
    }
  }
}

@Resolver(() => EpcQrCode)
export class EpcQrCodeResolver {
  @FieldResolver(() => String, { description: 'The QR code as an SVG document (error correction level M).' })
  svg(@Root() code: EpcQrCode): Promise<string> {
    return epcSvg(code.payload);
  }

  @FieldResolver(() => String, { description: 'The QR code as a PNG image, base64-encoded.' })
  async png(@Root() code: EpcQrCode): Promise<string> {
    return (await epcPng(code.payload)).toString('base64');
  }
}
